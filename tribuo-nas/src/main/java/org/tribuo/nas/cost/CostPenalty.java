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

import org.tribuo.nas.arch.ArchitecturePenalty;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.Genotype;

/**
 * The cost term of a cost-aware search: {@code λ·E_α[cost] / scale} added to the architecture
 * loss, whose gradient with respect to α is {@code λ·c / scale} (c the op-cost table), so an
 * exponentiated-gradient step multiplies α_k by {@code exp(−η·λ·c_k / scale)}.
 * <p>
 * With a target T the scale is T and λ follows a dual (Lagrangian) step after every architecture
 * step, {@code λ ← λ + ρ·(E_α[cost] − T) / T}, for the constraint {@code E_α[cost] = T}: λ grows
 * while α's expected cost is above the target and shrinks below it, turning negative when α is
 * cheaper than the budget, so the budget is spent rather than left over (the found cell should
 * cost about the target, not far less). Without a target λ is fixed and the scale is the cost of the
 * most expensive cell, so λ = 1 weighs the whole cost range like one nat of loss.
 * <p>
 * The genotype is the most probable cell within the target ({@link BudgetedDerivation}), or the
 * argmax cell without one. λ is part of the search state: checkpoints save and restore it.
 */
public final class CostPenalty implements ArchitecturePenalty {

    private final OpCosts costs;
    private final CostDecomposition space;
    private final double target;
    private final double dualStepSize;
    private final double scale;
    private double lambda;

    /**
     * Creates the penalty.
     * @param costs The op-cost table of the space's final network.
     * @param space The space, which turns op choices into genotypes.
     * @param target The budget T, or 0 for a fixed λ.
     * @param lambda The initial (or, without a target, fixed) λ, non-negative; with a target it may
     *               turn negative as the search goes.
     * @param dualStepSize ρ of the dual step (used with a target only), non-negative.
     * @throws IllegalArgumentException if the target is below the cheapest cell's cost (the message
     * names that cost and cell), or a setting is out of range.
     */
    public CostPenalty(OpCosts costs, CostDecomposition space, double target, double lambda, double dualStepSize) {
        if (!(target >= 0) || !(lambda >= 0) || !(dualStepSize >= 0) || Double.isInfinite(target + lambda + dualStepSize)) {
            throw new IllegalArgumentException("cost penalty settings must be finite and non-negative, got target " + target
                    + ", lambda " + lambda + ", dualStepSize " + dualStepSize);
        }
        this.costs = costs;
        this.space = space;
        this.target = target;
        this.dualStepSize = dualStepSize;
        this.lambda = lambda;
        if (target > 0) {
            int[] cheapest = costs.cheapestChoices();
            double floor = costs.predict(cheapest);
            if (target < floor) {
                throw new IllegalArgumentException("no cell can meet the " + costs.metric().name().toLowerCase(java.util.Locale.ROOT)
                        + " target " + costs.metric().format(target) + ": the cheapest achievable cost is "
                        + costs.metric().format(floor) + " (cell " + space.genotype(cheapest) + ")");
            }
            this.scale = target;
        } else {
            this.scale = Math.max(costs.predict(costs.dearestChoices()), Double.MIN_NORMAL);
        }
    }

    @Override
    public float[][] gradient(float[][] alpha) {
        float[][] g = new float[alpha.length][];
        for (int r = 0; r < alpha.length; r++) {
            g[r] = new float[alpha[r].length];
            for (int k = 0; k < alpha[r].length; k++) {
                g[r][k] = (float) (lambda * costs.cost(r, k) / scale);
            }
        }
        return g;
    }

    @Override
    public void stepped(float[][] alpha) {
        if (target > 0) {
            lambda += dualStepSize * (costs.expected(alpha) - target) / target;
        }
    }

    /**
     * The current multiplier.
     * @return λ.
     */
    public double multiplier() {
        return lambda;
    }

    /**
     * Continues from a saved multiplier.
     * @param lambda λ from {@link #multiplier()}.
     */
    public void restoreMultiplier(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("a saved cost multiplier must be finite, got " + lambda);
        }
        this.lambda = lambda;
    }

    /**
     * The expected cost of a cell drawn from α.
     * @param alpha The architecture weights.
     * @return The expected cost.
     */
    public double expectedCost(float[][] alpha) {
        return costs.expected(alpha);
    }

    /**
     * The cell the search returns for α: the most probable one within the target, or the argmax
     * cell without a target.
     * @param alpha The architecture weights.
     * @return The genotype.
     */
    public Genotype derive(float[][] alpha) {
        double budget = target > 0 ? target : Double.POSITIVE_INFINITY;
        return space.genotype(BudgetedDerivation.mostProbableWithin(costs, alpha, budget));
    }

    /**
     * The predicted cost of a genotype.
     * @param genotype A genotype of the space.
     * @return {@code fixed + Σ} of its ops' costs.
     */
    public double predict(Genotype genotype) {
        return costs.predict(space.opChoices(genotype));
    }

    /**
     * The cost table.
     * @return The table.
     */
    public OpCosts costs() {
        return costs;
    }

    /**
     * The target.
     * @return T, or 0 without one.
     */
    public double target() {
        return target;
    }
}
