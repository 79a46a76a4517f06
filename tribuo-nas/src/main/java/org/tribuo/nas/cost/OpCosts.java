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

import org.tribuo.nas.space.ChoiceRule;

import java.util.Arrays;

/**
 * The cost of a space's final networks, op by op: for every α row and candidate op the summed cost
 * of that op at all the places the row's op runs, plus the cost of the fixed parts (stem,
 * reductions, head, and for latency the runtime's per-call overhead). A cell's predicted cost is
 * {@code fixed + Σ_used rows perOp[row][choice]}.
 * <p>
 * α's expected cost follows the space's {@link ChoiceRule}. When a cell uses every row and may
 * choose any op (NAS-Bench-201, tabular) it is {@code fixed + Σ_rows Σ_k α[row][k]·perOp[row][k]}.
 * When a cell keeps {@code m} of a group's {@code n} rows and skips some ops (DARTS: 2 of a node's
 * inputs, never {@code none}), each row counts {@code m/n} and its op is drawn from α renormalized
 * over the choosable ops: {@code fixed + Σ_rows (m/n)·Σ_{k choosable} α[row][k]·perOp[row][k] / S_row}
 * with {@code S_row = Σ_{k choosable} α[row][k]}. Which rows a node keeps is left out of the
 * expectation (the rows count alike): the penalty moves each edge's op towards cheap ones, and the
 * budgeted derivation picks the rows.
 *
 * @param metric What is costed.
 * @param perOp [rows][ops] costs.
 * @param fixed The cost of everything but the chosen ops.
 * @param measuredOn Where and how the costs were measured, for provenance.
 * @param rule Which rows a cell uses and which ops it may choose.
 */
public record OpCosts(CostMetric metric, double[][] perOp, double fixed, String measuredOn, ChoiceRule rule) {

    /**
     * Checks the table is rectangular, finite and covered by the rule.
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
        if (rule.rows() != perOp.length || rule.ops() != perOp[0].length) {
            throw new IllegalArgumentException("the choice rule covers " + rule.rows() + "×" + rule.ops() + ", the cost table is "
                    + perOp.length + "×" + perOp[0].length);
        }
        perOp = Arrays.stream(perOp).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * A table of a space whose cell uses every row and may choose any op.
     * @param metric What is costed.
     * @param perOp [rows][ops] costs.
     * @param fixed The cost of everything but the chosen ops.
     * @param measuredOn Where and how the costs were measured.
     */
    public OpCosts(CostMetric metric, double[][] perOp, double fixed, String measuredOn) {
        this(metric, perOp, fixed, measuredOn, ChoiceRule.everyRow(perOp.length, perOp.length == 0 ? 0 : perOp[0].length));
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
     * @param choices One op column per row, {@link ChoiceRule#UNUSED} on rows the cell does not use.
     * @return {@code fixed + Σ_used rows perOp[row][choice]}.
     */
    public double predict(int[] choices) {
        if (choices.length != perOp.length) {
            throw new IllegalArgumentException("a cell of this table chooses " + perOp.length + " ops, got " + choices.length);
        }
        double total = fixed;
        for (int r = 0; r < choices.length; r++) {
            if (choices[r] != ChoiceRule.UNUSED) {
                total += perOp[r][choices[r]];
            }
        }
        return total;
    }

    /**
     * The expected cost of a cell drawn from α (see the class comment).
     * @param alpha [rows][ops], each row on the simplex.
     * @return The expected cost.
     */
    public double expected(float[][] alpha) {
        checkShape(alpha);
        double total = fixed;
        if (rule.isEveryRow()) {
            for (int r = 0; r < alpha.length; r++) {
                for (int k = 0; k < alpha[r].length; k++) {
                    total += alpha[r][k] * perOp[r][k];
                }
            }
            return total;
        }
        for (int g = 0; g < rule.groups(); g++) {
            double weight = (double) rule.kept(g) / rule.size(g);
            for (int r = rule.firstRow(g); r < rule.firstRow(g) + rule.size(g); r++) {
                total += weight * rowExpectation(alpha[r], r);
            }
        }
        return total;
    }

    /**
     * The gradient of {@link #expected} with respect to α.
     * @param alpha [rows][ops], each row on the simplex.
     * @return [rows][ops]: the cost table itself when a cell uses every row and may choose any op;
     * otherwise {@code (m/n)·(perOp[row][k] − E_row) / S_row} on choosable ops and 0 on the others.
     */
    public double[][] expectedGradient(float[][] alpha) {
        checkShape(alpha);
        if (rule.isEveryRow()) {
            return perOp();
        }
        double[][] gradient = new double[alpha.length][alpha[0].length];
        for (int g = 0; g < rule.groups(); g++) {
            double weight = (double) rule.kept(g) / rule.size(g);
            for (int r = rule.firstRow(g); r < rule.firstRow(g) + rule.size(g); r++) {
                double mean = rowExpectation(alpha[r], r);
                double mass = choosableMass(alpha[r]);
                for (int k = 0; k < alpha[r].length; k++) {
                    if (rule.choosable(k)) {
                        gradient[r][k] = weight * (perOp[r][k] - mean) / mass;
                    }
                }
            }
        }
        return gradient;
    }

    private double rowExpectation(float[] weights, int row) {
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (rule.choosable(k)) {
                sum += weights[k] * perOp[row][k];
            }
        }
        return sum / choosableMass(weights);
    }

    private double choosableMass(float[] weights) {
        double mass = 0;
        for (int k = 0; k < weights.length; k++) {
            if (rule.choosable(k)) {
                mass += weights[k];
            }
        }
        return Math.max(mass, Double.MIN_NORMAL);
    }

    private void checkShape(float[][] alpha) {
        if (alpha.length != perOp.length || alpha[0].length != perOp[0].length) {
            throw new IllegalArgumentException("α is " + alpha.length + "×" + alpha[0].length + ", the cost table "
                    + perOp.length + "×" + perOp[0].length);
        }
    }

    /**
     * The cheapest cell: in every group the rows whose cheapest choosable op costs least, each
     * with that op.
     * @return One op column per row.
     */
    public int[] cheapestChoices() {
        return extremeChoices(true);
    }

    /**
     * The most expensive cell: in every group the rows whose dearest choosable op costs most, each
     * with that op.
     * @return One op column per row.
     */
    public int[] dearestChoices() {
        return extremeChoices(false);
    }

    private int[] extremeChoices(boolean cheapest) {
        int[] choices = new int[perOp.length];
        Arrays.fill(choices, ChoiceRule.UNUSED);
        double sign = cheapest ? 1 : -1;
        for (int g = 0; g < rule.groups(); g++) {
            int first = rule.firstRow(g);
            Integer[] rows = new Integer[rule.size(g)];
            int[] best = new int[rule.size(g)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i;
                best[i] = -1;
                for (int k = 0; k < perOp[first + i].length; k++) {
                    if (rule.choosable(k) && (best[i] < 0 || sign * perOp[first + i][k] < sign * perOp[first + i][best[i]])) {
                        best[i] = k;
                    }
                }
            }
            Arrays.sort(rows, java.util.Comparator.comparingDouble(i -> sign * perOp[first + i][best[i]]));
            for (int i = 0; i < rule.kept(g); i++) {
                choices[first + rows[i]] = best[rows[i]];
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
