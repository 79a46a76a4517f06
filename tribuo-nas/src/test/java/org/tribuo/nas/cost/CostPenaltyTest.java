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
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.SoftmaxAdam;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.space.Genotype;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost penalty: its gradient, the dual step on λ, the budgeted derivation and the refusal of
 * a target no cell can meet. Hand-made cost tables on the NAS-Bench-201 space (6 edges,
 * skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3); nothing runs on the engine.
 */
public class CostPenaltyTest {

    private static final Nb201SearchSpace SPACE = Nb201SearchSpace.builder().build();
    /** Per edge: skip 0, 1x1 1, 3x3 4, pool 0.5; edge 5's 3x3 costs 6. Fixed parts 2. */
    private static final OpCosts COSTS = table();

    private static OpCosts table() {
        double[][] perOp = new double[6][];
        for (int r = 0; r < 6; r++) {
            perOp[r] = new double[]{0, 1, r == 5 ? 6 : 4, 0.5};
        }
        return new OpCosts(CostMetric.PARAMETERS, perOp, 2, "by hand");
    }

    private static float[][] uniform() {
        float[][] alpha = new float[6][4];
        for (float[] row : alpha) {
            java.util.Arrays.fill(row, 0.25f);
        }
        return alpha;
    }

    @Test
    public void gradientIsLambdaTimesTheCostOverTheTarget() {
        CostPenalty penalty = new CostPenalty(COSTS, SPACE, 10, 0.5, 0, 0, 0);
        float[][] g = penalty.gradient(uniform());
        for (int r = 0; r < 6; r++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(0.5 * COSTS.cost(r, k) / 10, g[r][k], 1e-7, "row " + r + ", op " + k);
            }
        }
        // without a target the scale is the dearest cell: 2 + 5·4 + 6 = 28
        CostPenalty fixed = new CostPenalty(COSTS, SPACE, 0, 2, 0, 0, 0);
        assertEquals(2 * 6 / 28.0, fixed.gradient(uniform())[5][2], 1e-7);
    }

    @Test
    public void dampingAddsTheScaledViolationToLambda() {
        float[][] alpha = uniform();
        double violation = (COSTS.expected(alpha) - 10) / 10;
        CostPenalty damped = new CostPenalty(COSTS, SPACE, 10, 0.5, 0.1, 2, 0);
        assertEquals((0.5 + 2 * violation) * 6 / 10, damped.gradient(alpha)[5][2], 1e-6);
        assertEquals(0.5, damped.multiplier(), "the damping term is not part of λ's state");
    }

    @Test
    public void exponentiatedGradientMultipliesByExpOfMinusEtaLambdaCost() {
        ExponentiatedGradient eg = new ExponentiatedGradient(6, 4, 0.1f, new ExponentiatedGradient.Options(false, 0f, 0f));
        ArchitectureWeights weights = new ArchitectureWeights(eg, List.of());
        weights.penalize(new CostPenalty(COSTS, SPACE, 10, 3, 0, 0, 0));
        weights.apply(zeroGradient(weights));
        float[] row = weights.alpha()[5];
        double[] expected = new double[4];
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            expected[k] = 0.25 * Math.exp(-0.1 * 3 * COSTS.cost(5, k) / 10);
            sum += expected[k];
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k] / sum, row[k], 1e-6, "op " + k);
        }
    }

    @Test
    public void softmaxLeafGradientGoesThroughTheSoftmax() {
        SoftmaxAdam adam = new SoftmaxAdam(1, 3, 0.1f, 0f, 5L);
        float[] g = {1f, 2f, 4f};
        float[] alpha = adam.alpha()[0];
        double mean = alpha[0] * g[0] + alpha[1] * g[1] + alpha[2] * g[2];
        float[] leaf = adam.leafGradient(new float[][]{g})[0];
        for (int k = 0; k < 3; k++) {
            assertEquals(alpha[k] * (g[k] - mean), leaf[k], 1e-6, "∂/∂θ_" + k + " = α_k (g_k − Σ α g)");
        }
    }

    @Test
    public void dualStepRaisesLambdaAboveTheTargetAndLowersItBelow() {
        float[][] alpha = uniform();
        double expected = COSTS.expected(alpha);
        assertEquals(2 + 5 * (5.5 / 4) + 7.5 / 4, expected, 1e-9);
        CostPenalty over = new CostPenalty(COSTS, SPACE, expected / 2, 1, 0.1, 0, 0);
        over.stepped(alpha);
        assertEquals(1 + 0.1 * (expected - expected / 2) / (expected / 2), over.multiplier(), 1e-9);
        CostPenalty under = new CostPenalty(COSTS, SPACE, expected * 2, 1, 0.1, 0, 0);
        under.stepped(alpha);
        assertEquals(1 - 0.1 * 0.5, under.multiplier(), 1e-9);
        CostPenalty spend = new CostPenalty(COSTS, SPACE, expected * 2, 0.01, 1, 0, 0);
        spend.stepped(alpha);
        assertEquals(0.01 - 0.5, spend.multiplier(), 1e-9, "below the target λ turns negative: the budget is spent");
        CostPenalty fixed = new CostPenalty(COSTS, SPACE, 0, 1, 0.1, 0, 0);
        fixed.stepped(alpha);
        assertEquals(1, fixed.multiplier(), "without a target λ stays");
    }

    @Test
    public void derivationIsTheMostProbableCellWithinTheBudget() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            float[][] alpha = new float[6][4];
            for (float[] row : alpha) {
                float sum = 0;
                for (int k = 0; k < 4; k++) {
                    row[k] = (float) rng.nextDouble(0.01, 1);
                    sum += row[k];
                }
                for (int k = 0; k < 4; k++) {
                    row[k] /= sum;
                }
            }
            double budget = rng.nextDouble(2, 28);
            CostPenalty penalty = new CostPenalty(COSTS, SPACE, budget, 0, 0, 0, 0);
            int[] found = SPACE.opChoices(penalty.derive(alpha, null));
            int[] best = bruteForce(alpha, budget);
            assertArrayEquals(best, found, "trial " + trial + ", budget " + budget);
            assertTrue(COSTS.predict(found) <= budget);
        }
    }

    @Test
    public void derivationSpendsTheBudgetWhenACellCostsWithinTheSlack() {
        float[][] alpha = uniform();
        for (float[] row : alpha) {
            row[0] = 0.7f;
            row[1] = 0.1f;
            row[2] = 0.1f;
            row[3] = 0.1f;
        }
        // the most probable cell is all identities (cost 2); with a 20 % slack under 10 the cell must cost 8..10
        CostPenalty spend = new CostPenalty(COSTS, SPACE, 10, 0, 0, 0, 0.2);
        double cost = COSTS.predict(SPACE.opChoices(spend.derive(alpha, null)));
        assertTrue(cost >= 8 && cost <= 10, "cost " + cost);
        CostPenalty leftover = new CostPenalty(COSTS, SPACE, 10, 0, 0, 0, 0);
        assertEquals(2, COSTS.predict(SPACE.opChoices(leftover.derive(alpha, null))), 1e-9);
        // no cell costs 2.1..2.4 (the cheapest op after the identity adds 0.5): the most probable within 2.4
        CostPenalty narrow = new CostPenalty(COSTS, SPACE, 2.4, 0, 0, 0, 0.1);
        assertEquals(2, COSTS.predict(SPACE.opChoices(narrow.derive(alpha, null))), 1e-9);
    }

    @Test
    public void withoutATargetTheDerivationIsTheArgmaxCell() {
        float[][] alpha = uniform();
        alpha[2] = new float[]{0.1f, 0.2f, 0.6f, 0.1f};
        CostPenalty penalty = new CostPenalty(COSTS, SPACE, 0, 1, 0, 0, 0);
        assertEquals(SPACE.derive(alpha, null), penalty.derive(alpha, null));
    }

    @Test
    public void targetNoCellMeetsIsRefusedNamingTheCheapestCost() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CostPenalty(COSTS, SPACE, 1.5, 0, 0.1, 0, 0));
        Genotype cheapest = SPACE.genotype(new int[6]);
        assertTrue(e.getMessage().contains("cheapest achievable cost is 2 parameters"), e.getMessage());
        assertTrue(e.getMessage().contains(cheapest.toString()), e.getMessage());
    }

    @Test
    public void multiplierIsRestored() {
        CostPenalty penalty = new CostPenalty(COSTS, SPACE, 10, 0, 0.1, 0, 0);
        penalty.restoreMultiplier(0.75);
        assertEquals(0.75, penalty.multiplier());
        penalty.restoreMultiplier(-0.5);
        assertEquals(-0.5, penalty.multiplier());
        assertThrows(IllegalArgumentException.class, () -> penalty.restoreMultiplier(Double.NaN));
    }

    private static ArchitectureWeights.Gradient zeroGradient(ArchitectureWeights weights) {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ArchitectureWeights.Leaves leaves = weights.newLeaves(m);
            try (ai.djl.training.GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(weights.alphaWeights(leaves).sum().mul(m.create(0f)));
            }
            return weights.gradient(leaves);
        }
    }

    private static int[] bruteForce(float[][] alpha, double budget) {
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int[] c = new int[6];
        for (int code = 0; code < 4096; code++) {
            int rest = code;
            double score = 0;
            for (int r = 0; r < 6; r++) {
                c[r] = rest % 4;
                rest /= 4;
                score += Math.log(alpha[r][c[r]]);
            }
            if (COSTS.predict(c) <= budget && score > bestScore) {
                bestScore = score;
                best = c.clone();
            }
        }
        return best;
    }

    @Test
    public void aTargetEveryCellMeetsConstrainsNothing() {
        // the dearest cell costs 28: a target of 30 binds nothing, so λ stays 0 and the gradient is 0
        CostPenalty loose = new CostPenalty(COSTS, SPACE, 30, 0.5, 0.05, 2, 0.15);
        assertTrue(!loose.binds());
        float[][] alpha = uniform();
        for (int step = 0; step < 5; step++) {
            for (float[] row : loose.gradient(alpha)) {
                for (float g : row) {
                    assertEquals(0f, g);
                }
            }
            loose.stepped(alpha);
        }
        assertEquals(0, loose.multiplier());
        assertTrue(new CostPenalty(COSTS, SPACE, 27, 0.5, 0.05, 2, 0.15).binds(), "27 is below the dearest cell");
    }

    @Test
    public void anEmptyBandWidensUntilItHoldsACell() {
        // every op but skip costs 3, fixed parts 2: cells cost 2, 5, 8, ...; a target of 6 leaves
        // [5.1, 6] empty, and α prefers skip everywhere, so "most probable within 6" would be all skip (2)
        double[][] perOp = new double[6][];
        for (int r = 0; r < 6; r++) {
            perOp[r] = new double[]{0, 3, 3, 3};
        }
        OpCosts coarse = new OpCosts(CostMetric.PARAMETERS, perOp, 2, "by hand");
        float[][] alpha = new float[6][];
        for (int r = 0; r < 6; r++) {
            alpha[r] = new float[]{0.7f, 0.1f, 0.1f, 0.1f};
        }
        CostPenalty penalty = new CostPenalty(coarse, SPACE, 6, 0.5, 0, 0, 0.15);
        assertEquals(5, coarse.predict(SPACE.opChoices(penalty.derive(alpha, null))), 1e-9,
                "the band widens to [4.2, 6], which holds the cells of one op");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        assertEquals(5, penalty.predict(penalty.randomCell(() -> SPACE.randomGenotype(rng))), 1e-9,
                "a random cell comes from the same widened band");
        assertEquals(2, coarse.predict(SPACE.opChoices(new CostPenalty(coarse, SPACE, 6, 0.5, 0, 0, 0)
                .derive(alpha, null))), 1e-9, "slack 0: the most probable cell within the target");
    }
}
