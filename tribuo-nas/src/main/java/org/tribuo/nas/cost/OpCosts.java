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

import java.util.Arrays;

/**
 * The cost of a space's final networks, op by op: for every α row and candidate op the summed cost
 * of that op at all the places the row's op runs, plus the cost of the fixed parts (stem,
 * reductions, head, and for latency the runtime's per-call overhead). A cell's predicted cost is
 * {@code fixed + Σ_rows perOp[row][choice]}, and α's expected cost
 * {@code fixed + Σ_rows Σ_k α[row][k]·perOp[row][k]}.
 *
 * @param metric What is costed.
 * @param perOp [rows][ops] costs.
 * @param fixed The cost of everything but the chosen ops.
 * @param measuredOn Where and how the costs were measured, for provenance.
 */
public record OpCosts(CostMetric metric, double[][] perOp, double fixed, String measuredOn) {

    /**
     * Checks the table is rectangular and finite.
     */
    public OpCosts {
        if (perOp.length == 0 || perOp[0].length == 0) {
            throw new IllegalArgumentException("an op-cost table needs at least one row and one op");
        }
        for (double[] row : perOp) {
            if (row.length != perOp[0].length) {
                throw new IllegalArgumentException("op-cost rows differ in length: " + row.length + " vs " + perOp[0].length);
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("op cost " + c + " is not finite");
                }
            }
        }
        if (!Double.isFinite(fixed)) {
            throw new IllegalArgumentException("fixed cost " + fixed + " is not finite");
        }
        perOp = Arrays.stream(perOp).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * The number of α rows.
     * @return The row count.
     */
    public int rows() {
        return perOp.length;
    }

    /**
     * The cost of one op on one row, summed over the row's sites.
     * @param row The α row.
     * @param op The op's column.
     * @return The cost.
     */
    public double cost(int row, int op) {
        return perOp[row][op];
    }

    /**
     * The predicted cost of a cell.
     * @param choices One op column per row.
     * @return {@code fixed + Σ_rows perOp[row][choice]}.
     */
    public double predict(int[] choices) {
        if (choices.length != perOp.length) {
            throw new IllegalArgumentException("a cell of this table chooses " + perOp.length + " ops, got " + choices.length);
        }
        double total = fixed;
        for (int r = 0; r < choices.length; r++) {
            total += perOp[r][choices[r]];
        }
        return total;
    }

    /**
     * The expected cost of a cell drawn from α, one op per row.
     * @param alpha [rows][ops], each row on the simplex.
     * @return {@code fixed + Σ_rows Σ_k α[row][k]·perOp[row][k]}.
     */
    public double expected(float[][] alpha) {
        if (alpha.length != perOp.length || alpha[0].length != perOp[0].length) {
            throw new IllegalArgumentException("α is " + alpha.length + "×" + alpha[0].length + ", the cost table "
                    + perOp.length + "×" + perOp[0].length);
        }
        double total = fixed;
        for (int r = 0; r < alpha.length; r++) {
            for (int k = 0; k < alpha[r].length; k++) {
                total += alpha[r][k] * perOp[r][k];
            }
        }
        return total;
    }

    /**
     * The cheapest cell: the cheapest op of every row.
     * @return One op column per row.
     */
    public int[] cheapestChoices() {
        return extremeChoices(true);
    }

    /**
     * The most expensive cell: the most expensive op of every row.
     * @return One op column per row.
     */
    public int[] dearestChoices() {
        return extremeChoices(false);
    }

    private int[] extremeChoices(boolean cheapest) {
        int[] choices = new int[perOp.length];
        for (int r = 0; r < perOp.length; r++) {
            for (int k = 1; k < perOp[r].length; k++) {
                boolean better = cheapest ? perOp[r][k] < perOp[r][choices[r]] : perOp[r][k] > perOp[r][choices[r]];
                if (better) {
                    choices[r] = k;
                }
            }
        }
        return choices;
    }

    @Override
    public double[][] perOp() {
        return Arrays.stream(perOp).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public String toString() {
        return "OpCosts(" + metric + ", fixed " + metric.format(fixed) + ", per op " + Arrays.deepToString(perOp)
                + ", " + measuredOn + ")";
    }
}
