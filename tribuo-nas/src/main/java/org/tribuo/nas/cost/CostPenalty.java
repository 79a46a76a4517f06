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

import java.util.function.Supplier;

/**
 * The cost term of a cost-aware search: {@code λ·E_α[cost] / scale} added to the architecture
 * loss, whose gradient with respect to α is {@code λ·c / scale} (c the op-cost table), so an
 * exponentiated-gradient step multiplies α_k by {@code exp(−η·λ·c_k / scale)}. Where a cell keeps
 * only some rows and skips some ops (DARTS), the gradient is that of {@link OpCosts#expected}:
 * each op's cost less its row's expected cost, over the choosable ops.
 * <p>
 * With a target T the scale is T and λ follows a dual (Lagrangian) step after every architecture
 * step, {@code λ ← λ + ρ·(E_α[cost] − T) / T}, for the constraint {@code E_α[cost] = T}: λ grows
 * while α's expected cost is above the target and shrinks below it, turning negative when α is
 * cheaper than the budget, so the budget is spent rather than left over (the found cell should
 * cost about the target, not far less). λ alone makes α and λ an undamped oscillator (α integrates
 * λ, λ integrates the violation), so the weight of the cost in each step is
 * {@code λ + κ·(E_α[cost] − T)/T}: the damped multiplier of Platt and Barr's "Constrained
 * differential optimization" (NIPS 1987), with κ the damping. Without a target λ is fixed and the scale is the cost of the
 * most expensive cell, so λ = 1 weighs the whole cost range like one nat of loss.
 * <p>
 * The genotype is the most probable cell whose predicted cost is between {@code (1 − slack)·T} and
 * T ({@link BudgetedDerivation}); if no cell costs that, the band widens by {@code slack·T} until
 * one does; without a target, the argmax cell. A target at or above the dearest cell's cost binds nothing: λ stays 0 and
 * the search is the unconstrained one, its cost measured and reported. Spending the budget is the point: α may reach the target's expected
 * cost as a mixture whose single most probable cell is far cheaper (measured: all identities
 * against a budget of 22 dense layers' parameters). λ is part of the search state: checkpoints save and restore it.
 */
public final class CostPenalty implements ArchitecturePenalty {

    /** Cells drawn at most by {@link #randomCell}. */
    static final int RANDOM_DRAWS = 100_000;

    private final OpCosts costs;
    private final CostDecomposition space;
    private final double target;
    private final double dualStepSize;
    private final double damping;
    private final double slack;
    private final double scale;
    private final boolean binds;
    private double lambda;

    /**
     * Creates the penalty.
     * @param costs The op-cost table of the space's final network.
     * @param space The space, which turns op choices into genotypes.
     * @param target The budget T, or 0 for a fixed λ.
     * @param lambda The initial (or, without a target, fixed) λ, non-negative; with a target it may
     *               turn negative as the search goes.
     * @param dualStepSize ρ of the dual step (used with a target only), non-negative.
     * @param damping κ of the damping term (used with a target only), non-negative.
     * @param slack How far below the target the derived cell may cost, as a fraction of it, in [0, 1);
     *              0 takes the most probable cell within the target, whatever it costs.
     * @throws IllegalArgumentException if the target is below the cheapest cell's cost (the message
     * names that cost and cell), or a setting is out of range.
     */
    public CostPenalty(OpCosts costs, CostDecomposition space, double target, double lambda, double dualStepSize,
                       double damping, double slack) {
        if (!(slack >= 0 && slack < 1)) {
            throw new IllegalArgumentException("budget slack must be in [0, 1), got " + slack);
        }
        this.slack = slack;
        if (!(target >= 0) || !(lambda >= 0) || !(dualStepSize >= 0) || !(damping >= 0)
                || Double.isInfinite(target + lambda + dualStepSize + damping)) {
            throw new IllegalArgumentException("cost penalty settings must be finite and non-negative, got target " + target
                    + ", lambda " + lambda + ", dualStepSize " + dualStepSize + ", damping " + damping);
        }
        this.damping = damping;
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
            // every cell meets a target at or above the dearest one: nothing to constrain, and a
            // dual step would drive λ negative for ever, pushing α towards costly ops
            this.binds = target < costs.predict(costs.dearestChoices());
            if (!binds) {
                this.lambda = 0;
            }
        } else {
            this.scale = Math.max(costs.predict(costs.dearestChoices()), Double.MIN_NORMAL);
            this.binds = true;
        }
    }

    /**
     * Whether the penalty constrains the search: false for a target at or above the dearest
     * cell's cost, which every cell meets (then λ stays 0 and the search is the unconstrained one).
     * @return True if the cost weighs in the architecture steps.
     */
    public boolean binds() {
        return binds;
    }

    @Override
    public float[][] gradient(float[][] alpha) {
        double weight = weight(alpha);
        double[][] expected = costs.expectedGradient(alpha);
        float[][] g = new float[alpha.length][];
        for (int r = 0; r < alpha.length; r++) {
            g[r] = new float[alpha[r].length];
            for (int k = 0; k < alpha[r].length; k++) {
                g[r][k] = (float) (weight * expected[r][k] / scale);
            }
        }
        return g;
    }

    /**
     * The weight of the cost in the step at α: λ, plus with a target the damping term
     * {@code κ·(E_α[cost] − T)/T}.
     * @param alpha The current α.
     * @return The weight.
     */
    double weight(float[][] alpha) {
        if (!binds) {
            return 0;
        }
        return target > 0 ? lambda + damping * (costs.expected(alpha) - target) / target : lambda;
    }

    @Override
    public void stepped(float[][] alpha) {
        if (target > 0 && binds) {
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
     * The cell the search returns for α: the most probable one whose predicted cost is between
     * {@code (1 − slack)·T} and T (the budget is spent, not left over); when no cell costs that,
     * the band widens by {@code slack·T} at a time ({@code (1 − 2·slack)·T}, …) until one does, so
     * the cell costs as near the target as the space allows; with slack 0, the most probable cell
     * within T; without a target, the argmax cell.
     * @param alpha The architecture weights.
     * @param beta The edge weights, or null when edges are not weighted.
     * @return The genotype.
     */
    public Genotype derive(float[][] alpha, float[] beta) {
        if (target <= 0) {
            return space.genotype(BudgetedDerivation.mostProbableWithin(costs, alpha, beta, Double.POSITIVE_INFINITY));
        }
        if (slack > 0) {
            for (int widening = 1; (1 - (widening - 1) * slack) * target > costs.fixed(); widening++) {
                int[] spent = BudgetedDerivation.mostProbableBetween(costs, alpha, beta, (1 - widening * slack) * target, target);
                if (spent != null) {
                    return space.genotype(spent);
                }
            }
        }
        return space.genotype(BudgetedDerivation.mostProbableWithin(costs, alpha, beta, target));
    }

    /**
     * A random cell within the budget: the first of the drawn cells whose predicted cost is in
     * the derivation's band {@code [(1 − slack)·T, T]} (so uniform over the draws conditioned on
     * the band); if none of {@value #RANDOM_DRAWS} draws is, the first in the narrowest widened
     * band that holds one, as {@link #derive}; any drawn cell without a target.
     * @param draws Draws cells of the space.
     * @return The cell.
     * @throws IllegalArgumentException if no drawn cell is within the target.
     */
    public Genotype randomCell(Supplier<Genotype> draws) {
        Genotype withinTarget = null;
        long nearest = Long.MAX_VALUE;
        for (int i = 0; i < RANDOM_DRAWS; i++) {
            Genotype cell = draws.get();
            if (target <= 0) {
                return cell;
            }
            double cost = predict(cell);
            if (cost <= target && cost >= (1 - slack) * target) {
                return cell;
            }
            // the widened band that holds it: 2 for [(1 − 2·slack)·T, T], and so on
            long band = cost > target ? Long.MAX_VALUE : slack == 0 ? 1 : (long) Math.ceil((target - cost) / (slack * target));
            if (band < nearest) {
                nearest = band;
                withinTarget = cell;
            }
        }
        if (withinTarget == null) {
            throw new IllegalArgumentException("none of " + RANDOM_DRAWS + " random cells costs at most the target "
                    + costs.metric().format(target));
        }
        return withinTarget;
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
