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
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The derivation rule of a budgeted search: the most probable cell (largest
 * {@code Σ_rows log α[row][choice]}, one op per row) whose predicted cost lies in a band
 * {@code [floor, budget]}. An exact branch and bound: rows are walked in order, ops by decreasing
 * weight; a branch is cut when even the cheapest remaining ops exceed the budget, even the dearest
 * stay below the floor, or even the most probable remaining ops cannot beat the best cell found.
 */
final class BudgetedDerivation {

    private final OpCosts costs;
    private final double budget;
    private final double floor;
    private final double[][] logAlpha;
    private final Integer[][] order;
    private final double[] cheapestAfter;
    private final double[] dearestAfter;
    private final double[] likeliestAfter;
    private final int[] current;
    private int[] best;
    private double bestScore = Double.NEGATIVE_INFINITY;

    private BudgetedDerivation(OpCosts costs, float[][] alpha, double floor, double budget) {
        this.costs = costs;
        this.budget = budget;
        this.floor = floor;
        int rows = alpha.length;
        logAlpha = new double[rows][];
        order = new Integer[rows][];
        for (int r = 0; r < rows; r++) {
            float[] weights = alpha[r];
            double[] logs = IntStream.range(0, weights.length).mapToDouble(k -> Math.log(Math.max(weights[k], Float.MIN_VALUE)))
                    .toArray();
            logAlpha[r] = logs;
            order[r] = IntStream.range(0, logs.length).boxed().sorted(Comparator.comparingDouble(k -> -logs[k])).toArray(Integer[]::new);
        }
        cheapestAfter = new double[rows + 1];
        dearestAfter = new double[rows + 1];
        likeliestAfter = new double[rows + 1];
        for (int r = rows - 1; r >= 0; r--) {
            double cheapest = Double.POSITIVE_INFINITY;
            double dearest = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < alpha[r].length; k++) {
                cheapest = Math.min(cheapest, costs.cost(r, k));
                dearest = Math.max(dearest, costs.cost(r, k));
            }
            cheapestAfter[r] = cheapestAfter[r + 1] + cheapest;
            dearestAfter[r] = dearestAfter[r + 1] + dearest;
            likeliestAfter[r] = likeliestAfter[r + 1] + logAlpha[r][order[r][0]];
        }
        current = new int[rows];
    }

    /**
     * The most probable cell within a budget.
     * @param costs The cost table.
     * @param alpha The architecture weights.
     * @param budget The largest predicted cost allowed.
     * @return One op column per row, or null when no cell is within the budget.
     */
    static int[] mostProbableWithin(OpCosts costs, float[][] alpha, double budget) {
        return mostProbableBetween(costs, alpha, Double.NEGATIVE_INFINITY, budget);
    }

    /**
     * The most probable cell whose predicted cost lies in a band.
     * @param costs The cost table.
     * @param alpha The architecture weights.
     * @param floor The smallest predicted cost allowed.
     * @param budget The largest predicted cost allowed.
     * @return One op column per row, or null when no cell is in the band.
     */
    static int[] mostProbableBetween(OpCosts costs, float[][] alpha, double floor, double budget) {
        BudgetedDerivation search = new BudgetedDerivation(costs, alpha, floor, budget);
        search.visit(0, costs.fixed(), 0);
        return search.best == null ? null : search.best.clone();
    }

    private void visit(int row, double cost, double score) {
        if (cost + cheapestAfter[row] > budget || cost + dearestAfter[row] < floor
                || score + likeliestAfter[row] <= bestScore) {
            return;
        }
        if (row == current.length) {
            best = current.clone();
            bestScore = score;
            return;
        }
        for (int k : order[row]) {
            current[row] = k;
            visit(row + 1, cost + costs.cost(row, k), score + logAlpha[row][k]);
        }
    }

    @Override
    public String toString() {
        return "BudgetedDerivation(budget " + budget + ", best " + Arrays.toString(best) + ")";
    }
}
