/*
 * Copyright (c) 2026 tribuo-nas authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package org.tribuo.nas.cost;

/**
 * Solves the small normal equations of the cost calibration.
 */
final class LeastSquares {

    private LeastSquares() {}

    /**
     * Solves {@code A·x = b} by Gaussian elimination with partial pivoting.
     * @param augmented {@code [A | b]}, n rows of n + 1 values; overwritten.
     * @return x.
     * @throws IllegalArgumentException if A is singular (a column no cell varies).
     */
    static double[] solve(double[][] augmented) {
        int n = augmented.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(augmented[r][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(augmented[pivot][col]) < 1e-300) {
                throw new IllegalArgumentException("the calibration cells do not determine column " + col);
            }
            double[] t = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = augmented[r][col] / augmented[col][col];
                    for (int c = col; c <= n; c++) {
                        augmented[r][c] -= f * augmented[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = augmented[r][n] / augmented[r][r];
        }
        return x;
    }
}
