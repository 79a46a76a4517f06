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

import org.junit.jupiter.api.Test;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.space.ChoiceRule;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.Genotype;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cost-aware search where a cell keeps two of each node's edges and never chooses {@code none}
 * (the DARTS space): cells map to op choices and back, the unbudgeted derivation is DARTS's own,
 * the budgeted one is exact (brute force on a small rule), and the penalty's gradient is the
 * derivative of the expected cost. Hand-made cost tables; nothing runs on the engine.
 */
public class DartsCostTest {

    private static final DartsSearchSpace SPACE = DartsSearchSpace.builder().build();
    private static final CostDecomposition PARTS = CostModel.decomposition(SPACE);

    private static OpCosts randomTable(ChoiceRule rule, SplittableRandom rng) {
        double[][] perOp = new double[rule.rows()][rule.ops()];
        for (int r = 0; r < perOp.length; r++) {
            for (int k = 0; k < perOp[r].length; k++) {
                perOp[r][k] = rule.choosable(k) ? rng.nextDouble(0, 10) : 0;
            }
        }
        return new OpCosts(CostMetric.PARAMETERS, perOp, 3, "by hand", rule);
    }

    private static float[][] randomAlpha(int rows, int ops, SplittableRandom rng) {
        float[][] alpha = new float[rows][ops];
        for (float[] row : alpha) {
            double sum = 0;
            for (int k = 0; k < ops; k++) {
                row[k] = (float) Math.exp(2 * rng.nextGaussian());
                sum += row[k];
            }
            for (int k = 0; k < ops; k++) {
                row[k] /= (float) sum;
            }
        }
        return alpha;
    }

    private static float[] randomBeta(SplittableRandom rng) {
        float[] beta = new float[SPACE.alphaRows()];
        int at = 0;
        for (int group : SPACE.edgeGroups()) {
            float[] one = randomAlpha(1, group, rng)[0];
            System.arraycopy(one, 0, beta, at, group);
            at += group;
        }
        return beta;
    }

    @Test
    public void cellsAndOpChoicesMapBothWays() {
        SplittableRandom rng = new SplittableRandom(11);
        ChoiceRule rule = PARTS.choiceRule();
        for (int i = 0; i < 20; i++) {
            Genotype cell = SPACE.randomGenotype(rng);
            int[] choices = rule.check(PARTS.opChoices(cell));
            assertEquals(16, java.util.Arrays.stream(choices).filter(c -> c != ChoiceRule.UNUSED).count(), cell.toString());
            assertArrayEquals(choices, PARTS.opChoices(PARTS.genotype(choices)), cell.toString());
            assertEquals(SPACE.newNetwork(cell, SPACE.networkSettings(), 10).getClass(),
                    SPACE.newNetwork(PARTS.genotype(choices), SPACE.networkSettings(), 10).getClass());
        }
        int[] broken = PARTS.opChoices(SPACE.randomGenotype(rng));
        broken[0] = SPACE.ops().indexOf("none"); // node 2 reads both cell inputs, so row 0 is always used
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PARTS.genotype(broken));
        assertTrue(e.getMessage().contains("not a choosable op"), e.getMessage());
    }

    @Test
    public void withoutABudgetTheDerivationIsDartsOwn() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            OpCosts costs = randomTable(PARTS.choiceRule(), rng);
            float[][] alpha = randomAlpha(SPACE.alphaRows(), SPACE.ops().size(), rng);
            float[] beta = i % 2 == 0 ? null : randomBeta(rng);
            CostPenalty penalty = new CostPenalty(costs, PARTS, 0, 1, 0, 0, 0);
            assertArrayEquals(PARTS.opChoices(SPACE.derive(alpha, beta)), PARTS.opChoices(penalty.derive(alpha, beta)),
                    "draw " + i);
        }
    }

    @Test
    public void theBudgetedDerivationIsExact() {
        // three nodes reading 2, 3 and 3 states, two kept each; column 0 (like none) is never chosen
        ChoiceRule rule = new ChoiceRule(new int[]{2, 3, 3}, 2, new boolean[]{false, true, true, true});
        SplittableRandom rng = new SplittableRandom(8);
        for (int draw = 0; draw < 25; draw++) {
            OpCosts costs = randomTable(rule, rng);
            float[][] alpha = randomAlpha(rule.rows(), rule.ops(), rng);
            float[] beta = draw % 2 == 0 ? null : randomAlpha(1, rule.rows(), rng)[0];
            double floor = 3 + rng.nextDouble(0, 40);
            double budget = floor + rng.nextDouble(0, 15);
            int[] found = BudgetedDerivation.mostProbableBetween(costs, alpha, beta, floor, budget);
            int[] best = bruteForce(rule, costs, alpha, beta, floor, budget);
            if (best == null) {
                assertNull(found, "draw " + draw);
            } else {
                assertNotNull(found, "draw " + draw);
                assertEquals(score(best, alpha, beta), score(found, alpha, beta), 1e-9, "draw " + draw);
                double cost = costs.predict(rule.check(found));
                assertTrue(cost >= floor && cost <= budget, "draw " + draw + ": " + cost + " outside [" + floor + ", " + budget + "]");
            }
        }
    }

    @Test
    public void theKnapsackIsExactUpToItsRounding() {
        ChoiceRule rule = new ChoiceRule(new int[]{2, 3, 3}, 2, new boolean[]{false, true, true, true});
        SplittableRandom rng = new SplittableRandom(9);
        for (int draw = 0; draw < 25; draw++) {
            OpCosts costs = randomTable(rule, rng);
            float[][] alpha = randomAlpha(rule.rows(), rule.ops(), rng);
            double floor = 3 + rng.nextDouble(0, 40);
            double budget = floor + rng.nextDouble(1, 15);
            double slop = rule.groups() * (budget - costs.fixed()) / BudgetedDerivation.RESOLUTION;
            int[] found = BudgetedDerivation.byKnapsack(costs, alpha, null, floor, budget);
            int[] exact = bruteForce(rule, costs, alpha, null, floor, budget - slop);
            if (exact != null) {
                assertNotNull(found, "draw " + draw);
                double cost = costs.predict(rule.check(found));
                assertTrue(cost <= budget && cost >= floor - slop, "draw " + draw + ": " + cost);
                assertTrue(score(found, alpha, null) >= score(exact, alpha, null) - 1e-9, "draw " + draw);
            }
        }
    }

    @Test
    public void tiedCostsDoNotStallTheDerivation() {
        // the parameter counts of the DARTS space at C=16, 8 cells (equal across ops and rows), α near
        // uniform and leaning to the costly ops, as after a first epoch, a budget far below them:
        // the most probable cells are all over budget, so the branch and bound alone never ends
        ChoiceRule rule = PARTS.choiceRule();
        DartsSearchSpace space = DartsSearchSpace.builder().searchNetwork(16, 5).finalNetwork(16, 8).build();
        OpCosts costs = CostModel.builder().metric(CostMetric.PARAMETERS).lambda(1).build()
                .measure(space, new ai.djl.ndarray.types.Shape(1, 28, 28), 10);
        SplittableRandom rng = new SplittableRandom(4);
        float[][] alpha = new float[rule.rows()][8];
        for (int r = 0; r < alpha.length; r++) {
            for (int k = 0; k < 8; k++) {
                alpha[r][k] = 0.125f + (float) (1e-4 * (rng.nextGaussian() + costs.cost(r, k) / 10_000));
            }
        }
        float[] beta = new float[rule.rows()];
        int at = 0;
        for (int group : SPACE.edgeGroups()) {
            for (int i = 0; i < group; i++) {
                beta[at + i] = 1f / group + (float) (1e-4 * rng.nextGaussian());
            }
            at += group;
        }
        double target = 200_000;
        int[] found = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> BudgetedDerivation.mostProbableBetween(costs, alpha, beta, 0.85 * target, target));
        double cost = costs.predict(rule.check(found));
        double slop = rule.groups() * (target - costs.fixed()) / BudgetedDerivation.RESOLUTION;
        assertTrue(cost <= target && cost >= 0.85 * target - slop, "cost " + cost);
        for (int i = 0; i < 2000; i++) {
            int[] cell = PARTS.opChoices(SPACE.randomGenotype(rng));
            double c = costs.predict(cell);
            if (c <= target - slop && c >= 0.85 * target) {
                assertTrue(score(found, alpha, beta) >= score(cell, alpha, beta) - 1e-9, "a random cell in the band scores higher");
            }
        }
    }

    private static int[] bruteForce(ChoiceRule rule, OpCosts costs, float[][] alpha, float[] beta, double floor, double budget) {
        int[] best = null;
        int rows = rule.rows();
        int[] cell = new int[rows];
        int combos = (int) Math.pow(rule.ops() + 1, rows);
        for (int code = 0; code < combos; code++) {
            int rest = code;
            for (int r = 0; r < rows; r++) {
                cell[r] = rest % (rule.ops() + 1) - 1;
                rest /= rule.ops() + 1;
            }
            if (!follows(rule, cell)) {
                continue;
            }
            double cost = costs.predict(cell);
            if (cost >= floor && cost <= budget && (best == null || score(cell, alpha, beta) > score(best, alpha, beta))) {
                best = cell.clone();
            }
        }
        return best;
    }

    private static boolean follows(ChoiceRule rule, int[] cell) {
        for (int g = 0; g < rule.groups(); g++) {
            int used = 0;
            for (int r = rule.firstRow(g); r < rule.firstRow(g) + rule.size(g); r++) {
                if (cell[r] != ChoiceRule.UNUSED) {
                    if (!rule.choosable(cell[r])) {
                        return false;
                    }
                    used++;
                }
            }
            if (used != rule.kept(g)) {
                return false;
            }
        }
        return true;
    }

    private static double score(int[] cell, float[][] alpha, float[] beta) {
        double score = 0;
        for (int r = 0; r < cell.length; r++) {
            if (cell[r] != ChoiceRule.UNUSED) {
                score += Math.log(alpha[r][cell[r]]) + (beta == null ? 0 : Math.log(beta[r]));
            }
        }
        return score;
    }

    @Test
    public void thePenaltyGradientIsTheDerivativeOfTheExpectedCost() {
        SplittableRandom rng = new SplittableRandom(2);
        OpCosts costs = randomTable(PARTS.choiceRule(), rng);
        float[][] alpha = randomAlpha(SPACE.alphaRows(), SPACE.ops().size(), rng);
        double[][] gradient = costs.expectedGradient(alpha);
        int none = SPACE.ops().indexOf("none");
        for (int r = 0; r < alpha.length; r += 3) {
            for (int k = 0; k < alpha[r].length; k++) {
                float[][] up = copy(alpha);
                float[][] down = copy(alpha);
                float h = 1e-3f * alpha[r][k];
                up[r][k] += h;
                down[r][k] -= h;
                double numeric = (costs.expected(up) - costs.expected(down)) / ((double) up[r][k] - down[r][k]);
                assertEquals(numeric, gradient[r][k], 2e-3 * Math.max(1, Math.abs(numeric)), "row " + r + ", op " + k);
            }
            assertEquals(0, gradient[r][none], "none never enters a cell, so its weight costs nothing");
        }
        // a target below α's expected cost: the penalty pushes the dearest op of a row down, the cheapest up
        CostPenalty penalty = new CostPenalty(costs, PARTS, costs.predict(costs.cheapestChoices()) + 1, 1, 0, 0, 0);
        float[][] g = penalty.gradient(alpha);
        double[] row = costs.perOp()[7];
        int dearest = 0;
        int cheapest = 0;
        for (int k = 0; k < row.length; k++) {
            if (k != none && (dearest == none || row[k] > row[dearest])) {
                dearest = k;
            }
            if (k != none && (cheapest == none || row[k] < row[cheapest])) {
                cheapest = k;
            }
        }
        assertTrue(g[7][dearest] > 0 && g[7][cheapest] < 0, java.util.Arrays.toString(g[7]));
    }

    private static float[][] copy(float[][] alpha) {
        return java.util.Arrays.stream(alpha).map(float[]::clone).toArray(float[][]::new);
    }

    @Test
    public void theCheapestAndDearestCellsBoundEveryCell() {
        SplittableRandom rng = new SplittableRandom(3);
        OpCosts costs = randomTable(PARTS.choiceRule(), rng);
        double cheapest = costs.predict(PARTS.choiceRule().check(costs.cheapestChoices()));
        double dearest = costs.predict(PARTS.choiceRule().check(costs.dearestChoices()));
        for (int i = 0; i < 200; i++) {
            double cost = costs.predict(PARTS.opChoices(SPACE.randomGenotype(rng)));
            assertTrue(cost >= cheapest && cost <= dearest, cost + " outside [" + cheapest + ", " + dearest + "]");
        }
    }
}
