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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The derivation rule of a budgeted search: the most probable cell whose predicted cost lies in a
 * band {@code [floor, budget]}. A cell's score is {@code Σ_used rows log(α[row][choice]·β[row])}
 * (β = 1 without edge weights): one op per row where a cell uses every row (NAS-Bench-201,
 * tabular), and where a cell keeps some rows of each node (DARTS: two) the same score, whose
 * maximum without a budget is DARTS's own rule (each node's two edges of largest
 * {@code max_k α·β}, each with its best op). An exact branch and bound over the {@link ChoiceRule}'s
 * groups: each group's options (rows kept × their ops) are walked by decreasing score; a branch is
 * cut when even the cheapest remaining options exceed the budget, even the dearest stay below the
 * floor, or even the most probable remaining options cannot beat the best cell found.
 * <p>
 * When many cells tie (parameter counts are equal across ops and rows; α is near uniform early in
 * a search) the branch and bound may visit too many of the DARTS space's ~10^17 cells. Past
 * {@value #MAX_VISITS} visits the band is solved as a multiple-choice knapsack instead: a dynamic
 * program over the groups with each option's cost rounded up to 1/{@value #RESOLUTION} of
 * {@code budget − fixed}. Rounding up keeps the cell within the budget; it is the most probable
 * cell of the rounded problem, so at least as probable as any cell costing at most
 * {@code budget − groups·width}, and its cost may fall below the floor by at most
 * {@code groups·width} (a few thousandths of the range).
 */
final class BudgetedDerivation {

    /** Branch-and-bound visits before the knapsack takes over. */
    static final long MAX_VISITS = 2_000_000;
    /** Cost resolution of the knapsack: bins between the fixed parts and the budget. */
    static final int RESOLUTION = 4096;

    /** One way a group can choose: its rows' columns, cost and score. */
    private record Option(int[] columns, double cost, double score) {}

    private final ChoiceRule rule;
    private final double budget;
    private final double floor;
    private final List<List<Option>> options = new ArrayList<>();
    private final double[] cheapestAfter;
    private final double[] dearestAfter;
    private final double[] likeliestAfter;
    private final int[] current;
    private final double fixed;
    private int[] best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private long visits;

    private BudgetedDerivation(OpCosts costs, float[][] alpha, float[] beta, double floor, double budget) {
        this.rule = costs.rule();
        this.fixed = costs.fixed();
        this.budget = budget;
        this.floor = floor;
        int groups = rule.groups();
        for (int g = 0; g < groups; g++) {
            options.add(optionsOf(g, costs, alpha, beta));
        }
        cheapestAfter = new double[groups + 1];
        dearestAfter = new double[groups + 1];
        likeliestAfter = new double[groups + 1];
        for (int g = groups - 1; g >= 0; g--) {
            List<Option> own = options.get(g);
            cheapestAfter[g] = cheapestAfter[g + 1] + own.stream().mapToDouble(Option::cost).min().orElseThrow();
            dearestAfter[g] = dearestAfter[g + 1] + own.stream().mapToDouble(Option::cost).max().orElseThrow();
            likeliestAfter[g] = likeliestAfter[g + 1] + own.get(0).score();
        }
        current = new int[alpha.length];
        Arrays.fill(current, ChoiceRule.UNUSED);
    }

    /** A group's options, most probable first (ties in row, then column order). */
    private List<Option> optionsOf(int group, OpCosts costs, float[][] alpha, float[] beta) {
        int first = rule.firstRow(group);
        List<Option> out = new ArrayList<>();
        for (int[] rows : subsets(rule.size(group), rule.kept(group))) {
            addOptions(rows, 0, new int[rows.length], 0, 0, first, costs, alpha, beta, out);
        }
        out.sort(Comparator.comparingDouble(o -> -o.score()));
        return out;
    }

    private void addOptions(int[] rows, int i, int[] columns, double cost, double score, int first, OpCosts costs,
                            float[][] alpha, float[] beta, List<Option> out) {
        if (i == rows.length) {
            out.add(new Option(encode(rows, columns, first), cost, score));
            return;
        }
        int row = first + rows[i];
        for (int k = 0; k < rule.ops(); k++) {
            if (rule.choosable(k)) {
                columns[i] = k;
                addOptions(rows, i + 1, columns, cost + costs.cost(row, k), score + logWeight(alpha, beta, row, k), first,
                        costs, alpha, beta, out);
            }
        }
    }

    /** Pairs (row, column) flattened: row offsets within the group, then their columns. */
    private static int[] encode(int[] rows, int[] columns, int first) {
        int[] pairs = new int[2 * rows.length];
        for (int i = 0; i < rows.length; i++) {
            pairs[2 * i] = first + rows[i];
            pairs[2 * i + 1] = columns[i];
        }
        return pairs;
    }

    private static double logWeight(float[][] alpha, float[] beta, int row, int op) {
        double logAlpha = Math.log(Math.max(alpha[row][op], Float.MIN_VALUE));
        return beta == null ? logAlpha : logAlpha + Math.log(Math.max(beta[row], Float.MIN_VALUE));
    }

    /** Every subset of {@code k} of {@code 0..n-1}, in lexicographic order. */
    private static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        collect(new int[k], 0, 0, n, out);
        return out;
    }

    private static void collect(int[] chosen, int i, int from, int n, List<int[]> out) {
        if (i == chosen.length) {
            out.add(chosen.clone());
            return;
        }
        for (int v = from; v < n; v++) {
            chosen[i] = v;
            collect(chosen, i + 1, v + 1, n, out);
        }
    }

    /**
     * The most probable cell within a budget.
     * @param costs The cost table (and the space's choice rule).
     * @param alpha The architecture weights.
     * @param beta The edge weights, or null.
     * @param budget The largest predicted cost allowed.
     * @return One op column per row ({@link ChoiceRule#UNUSED} on unused rows), or null when no
     * cell is within the budget.
     */
    static int[] mostProbableWithin(OpCosts costs, float[][] alpha, float[] beta, double budget) {
        return mostProbableBetween(costs, alpha, beta, Double.NEGATIVE_INFINITY, budget);
    }

    /**
     * The most probable cell whose predicted cost lies in a band.
     * @param costs The cost table (and the space's choice rule).
     * @param alpha The architecture weights.
     * @param beta The edge weights, or null.
     * @param floor The smallest predicted cost allowed.
     * @param budget The largest predicted cost allowed.
     * @return One op column per row ({@link ChoiceRule#UNUSED} on unused rows), or null when no
     * cell is in the band.
     */
    static int[] mostProbableBetween(OpCosts costs, float[][] alpha, float[] beta, double floor, double budget) {
        BudgetedDerivation search = new BudgetedDerivation(costs, alpha, beta, floor, budget);
        search.visit(0, costs.fixed(), 0);
        if (search.visits > MAX_VISITS) {
            return search.knapsack();
        }
        return search.best == null ? null : search.best.clone();
    }

    /**
     * The knapsack alone (what {@link #mostProbableBetween} falls back to), for tests.
     * @param costs The cost table.
     * @param alpha The architecture weights.
     * @param beta The edge weights, or null.
     * @param floor The smallest predicted cost allowed (up to the rounding).
     * @param budget The largest predicted cost allowed.
     * @return The cell, or null.
     */
    static int[] byKnapsack(OpCosts costs, float[][] alpha, float[] beta, double floor, double budget) {
        return new BudgetedDerivation(costs, alpha, beta, floor, budget).knapsack();
    }

    private void visit(int group, double cost, double score) {
        if (++visits > MAX_VISITS) {
            return;
        }
        if (cost + cheapestAfter[group] > budget || cost + dearestAfter[group] < floor
                || score + likeliestAfter[group] <= bestScore) {
            return;
        }
        if (group == options.size()) {
            best = current.clone();
            bestScore = score;
            return;
        }
        for (Option option : options.get(group)) {
            if (score + option.score() + likeliestAfter[group + 1] <= bestScore) {
                break; // the rest score no higher
            }
            set(option, false);
            visit(group + 1, cost + option.cost(), score + option.score());
            set(option, true);
        }
    }

    /** The band as a multiple-choice knapsack over rounded-up costs (see the class comment). */
    private int[] knapsack() {
        if (Double.isInfinite(budget) || budget <= fixed) {
            return null;
        }
        double width = (budget - fixed) / RESOLUTION;
        int groups = options.size();
        double[] reach = new double[RESOLUTION + 1];
        Arrays.fill(reach, Double.NEGATIVE_INFINITY);
        reach[0] = 0;
        int[][] chosen = new int[groups][RESOLUTION + 1];
        int[][] from = new int[groups][RESOLUTION + 1];
        for (int g = 0; g < groups; g++) {
            List<Option> own = options.get(g);
            int[] binsOf = new int[own.size()];
            for (int i = 0; i < binsOf.length; i++) {
                binsOf[i] = (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.ceil(own.get(i).cost() / width)));
            }
            double[] next = new double[RESOLUTION + 1];
            Arrays.fill(next, Double.NEGATIVE_INFINITY);
            for (int c = 0; c <= RESOLUTION; c++) {
                if (reach[c] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int i = 0; i < binsOf.length; i++) {
                    long to = (long) c + binsOf[i];
                    double score = reach[c] + own.get(i).score();
                    if (to <= RESOLUTION && score > next[(int) to]) {
                        next[(int) to] = score;
                        chosen[g][(int) to] = i;
                        from[g][(int) to] = c;
                    }
                }
            }
            reach = next;
        }
        int end = -1;
        for (int c = 0; c <= RESOLUTION; c++) {
            if (fixed + c * width >= floor && reach[c] > Double.NEGATIVE_INFINITY && (end < 0 || reach[c] > reach[end])) {
                end = c;
            }
        }
        if (end < 0) {
            return null;
        }
        int[] cell = current.clone();
        Arrays.fill(cell, ChoiceRule.UNUSED);
        for (int g = groups - 1, c = end; g >= 0; c = from[g][c], g--) {
            int[] pairs = options.get(g).get(chosen[g][c]).columns();
            for (int i = 0; i < pairs.length; i += 2) {
                cell[pairs[i]] = pairs[i + 1];
            }
        }
        return cell;
    }

    private void set(Option option, boolean clear) {
        int[] pairs = option.columns();
        for (int i = 0; i < pairs.length; i += 2) {
            current[pairs[i]] = clear ? ChoiceRule.UNUSED : pairs[i + 1];
        }
    }

    @Override
    public String toString() {
        return "BudgetedDerivation(budget " + budget + ", best " + Arrays.toString(best) + ")";
    }
}
