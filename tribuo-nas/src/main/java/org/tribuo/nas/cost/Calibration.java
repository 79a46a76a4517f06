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
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.SearchSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The in-network calibration of the isolated op costs. An op costs somewhat differently inside
 * a network than alone: the runtime fuses neighbours, shares their reads and changes memory
 * layouts between them. So whole networks are measured, of every uniform cell (one op on every
 * edge) and of {@value #CALIBRATION_CELLS} random cells (a fixed seed), and the fixed parts
 * {@code a} and one scale {@code b_k} per op are fitted by least squares to
 * {@code measured = a + Σ_k b_k·(isolated cost of the cell's op-k edges)}. The isolated times
 * keep how an op's cost spreads over the sites; the whole networks set its scale. Ops that cost
 * next to nothing alone (identity, zero) keep scale 1. Parameter counts add up exactly: only
 * the fixed parts are read, from the cheapest uniform cell.
 *
 * @param fixed The cost of the fixed parts.
 * @param scale Per op, the factor its isolated costs are multiplied by.
 * @param networks The number of whole networks measured.
 */
record Calibration(double fixed, double[] scale, int networks) {

    /**
     * The isolated costs, each op's scaled.
     * @param perOp [rows][ops] isolated costs.
     * @return The scaled copy.
     */
    double[][] apply(double[][] perOp) {
        double[][] out = new double[perOp.length][];
        for (int r = 0; r < perOp.length; r++) {
            out[r] = perOp[r].clone();
            for (int k = 0; k < out[r].length; k++) {
                out[r][k] *= scale[k];
            }
        }
        return out;
    }

    /**
     * The calibration in words, for provenance.
     * @param ops The op names.
     * @param metric The metric.
     * @return The text.
     */
    String describe(List<String> ops, CostMetric metric) {
        StringBuilder text = new StringBuilder("fixed parts " + metric.format(fixed) + " and in-network scales of the "
                + "isolated op costs fitted to " + networks + " whole networks:");
        for (int k = 0; k < ops.size(); k++) {
            text.append(String.format(Locale.ROOT, " %s %.3f", ops.get(k), scale[k]));
        }
        return text.toString();
    }

    /** Random cells measured whole for the calibration, besides the uniform ones. */
    static final int CALIBRATION_CELLS = 16;

    /**
     * Fits the calibration.
     * @param space The space (random cells are drawn from it).
     * @param parts Its decomposition.
     * @param perOp The isolated op costs, [rows][ops].
     * @param metric What is costed.
     * @param wholeNetwork The measured cost of the network of a cell, given its op columns.
     * @return The calibration.
     */
    static Calibration fit(SearchSpace space, CostDecomposition parts, double[][] perOp, CostMetric metric,
                           ToDoubleFunction<int[]> wholeNetwork) {
        int rows = perOp.length;
        int ops = perOp[0].length;
        double[] isolated = new double[ops];
        double largest = 0;
        for (int k = 0; k < ops; k++) {
            for (double[] row : perOp) {
                isolated[k] += row[k];
            }
            largest = Math.max(largest, isolated[k]);
        }
        ChoiceRule rule = parts.choiceRule();
        int cheapest = -1;
        for (int k = 0; k < ops; k++) {
            if (rule.choosable(k) && (cheapest < 0 || isolated[k] < isolated[cheapest])) {
                cheapest = k;
            }
        }
        double[] scale = new double[ops];
        Arrays.fill(scale, 1);
        if (metric == CostMetric.PARAMETERS) {
            int[] cell = rule.firstRows(cheapest);
            double fixed = wholeNetwork.applyAsDouble(cell);
            for (int r = 0; r < rows; r++) {
                if (cell[r] != ChoiceRule.UNUSED) {
                    fixed -= perOp[r][cheapest];
                }
            }
            return new Calibration(fixed, scale, 1);
        }
        List<Integer> fitted = new ArrayList<>();
        for (int k = 0; k < ops; k++) {
            if (isolated[k] > 0.05 * largest) {
                fitted.add(k);
            }
        }
        List<int[]> cells = new ArrayList<>();
        for (int k = 0; k < ops; k++) {
            if (rule.choosable(k)) {
                cells.add(rule.firstRows(k));
            }
        }
        SplittableRandom rng = new SplittableRandom(CALIBRATION_CELLS);
        for (int i = 0; i < CALIBRATION_CELLS; i++) {
            cells.add(parts.opChoices(space.randomGenotype(rng)));
        }
        // least squares on [1, S_k for fitted k] against measured minus the unscaled ops
        int n = 1 + fitted.size();
        double[][] normal = new double[n][n + 1];
        for (int[] cell : cells) {
            double[] x = new double[n];
            x[0] = 1;
            double y = wholeNetwork.applyAsDouble(cell);
            for (int r = 0; r < rows; r++) {
                if (cell[r] == ChoiceRule.UNUSED) {
                    continue;
                }
                int j = fitted.indexOf(cell[r]);
                if (j >= 0) {
                    x[1 + j] += perOp[r][cell[r]];
                } else {
                    y -= perOp[r][cell[r]];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    normal[i][j] += x[i] * x[j];
                }
                normal[i][n] += x[i] * y;
            }
        }
        double[] solution = LeastSquares.solve(normal);
        for (int j = 0; j < fitted.size(); j++) {
            scale[fitted.get(j)] = Math.max(0.05, solution[1 + j]);
        }
        return new Calibration(solution[0], scale, cells.size());
    }
}
