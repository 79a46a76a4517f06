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

package org.tribuo.nas.arch;

/**
 * Row-wise operations on small architecture matrices, each row a distribution over ops.
 */
public final class Simplex {

    private Simplex() {}

    /**
     * A matrix whose rows are uniform distributions.
     * @param rows Number of rows.
     * @param cols Number of columns.
     * @return The matrix.
     */
    public static float[][] uniform(int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            java.util.Arrays.fill(row, 1.0f / cols);
        }
        return m;
    }

    /**
     * Divides a row by its sum.
     * @param row The row, with a positive sum.
     */
    public static void normalizeInPlace(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += v;
        }
        for (int k = 0; k < row.length; k++) {
            row[k] = (float) (row[k] / sum);
        }
    }

    /**
     * Replaces a row of logits with its softmax.
     * @param row The logits.
     */
    public static void softmaxInPlace(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[row.length];
        for (int k = 0; k < row.length; k++) {
            e[k] = Math.exp(row[k] - max);
            sum += e[k];
        }
        for (int k = 0; k < row.length; k++) {
            row[k] = (float) (e[k] / sum);
        }
    }

    /**
     * Shannon entropy (natural log) of one row.
     * @param row A distribution.
     * @return {@code -Σ p ln p}, with {@code 0 ln 0 = 0}.
     */
    public static double entropy(float[] row) {
        double h = 0;
        for (float p : row) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /**
     * The mean over rows of the row entropies: the sparsity measure of GAEA's figures.
     * @param m The matrix.
     * @return The mean edge entropy in nats.
     */
    public static double meanEntropy(float[][] m) {
        double total = 0;
        for (float[] row : m) {
            total += entropy(row);
        }
        return total / m.length;
    }

    /**
     * A deep copy.
     * @param m The matrix.
     * @return The copy.
     */
    public static float[][] copy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /**
     * Row-major flattening.
     * @param m The matrix.
     * @return The values.
     */
    public static float[] flatten(float[][] m) {
        int cols = m[0].length;
        float[] flat = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    /**
     * Row-major reshaping of flat values.
     * @param flat The values.
     * @param rows Number of rows.
     * @param cols Number of columns.
     * @return The matrix.
     */
    public static float[][] unflatten(float[] flat, int rows, int cols) {
        if (flat.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows + "x" + cols + " values, got " + flat.length);
        }
        float[][] m = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    static void checkShape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("architecture matrix must be at least 1x1, got " + rows + "x" + cols);
        }
    }

    static void checkSameShape(float[][] expected, float[][] actual) {
        if (actual.length != expected.length || actual[0].length != expected[0].length) {
            throw new IllegalArgumentException("gradient shape " + actual.length + "x" + actual[0].length
                    + " does not match the architecture matrix " + expected.length + "x" + expected[0].length);
        }
    }

    /**
     * The index of the largest entry (the first one on ties).
     * @param row The values.
     * @return The argmax.
     */
    public static int argmax(float[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }
}
