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

import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

/**
 * The weighing half of a {@link CostModel}: the budget and how the search's {@link CostPenalty}
 * steers towards it, a target with λ adapted by the damped dual step, or a fixed λ.
 *
 * @param target The budget, or 0 without one.
 * @param lambda λ, the start value with a target.
 * @param dualStepSize ρ of the dual step.
 * @param dualDamping κ of the damping term.
 * @param budgetSlack How far below the target the found cell may cost, as a fraction of it.
 */
record CostBudget(double target, double lambda, double dualStepSize, double dualDamping, double budgetSlack) {

    /**
     * Checks the settings.
     * @param metric The metric the budget is in.
     * @throws InvalidSettingException naming the first invalid setting.
     */
    void check(CostMetric metric) {
        SettingChecks.nonNegative("target", target);
        SettingChecks.nonNegative("lambda", lambda);
        SettingChecks.nonNegative("dualStepSize", dualStepSize);
        SettingChecks.nonNegative("dualDamping", dualDamping);
        if (!(budgetSlack >= 0 && budgetSlack < 1)) {
            throw new InvalidSettingException("budgetSlack", "must be in [0, 1), got " + budgetSlack);
        }
        if (target == 0 && lambda == 0) {
            throw new InvalidSettingException("target", "is 0 and so is lambda: give a target (the budget, in "
                    + metric.unit() + ") or a fixed lambda > 0, or leave the costModel out");
        }
    }

    /**
     * The penalty of a search within this budget.
     * @param costs The space's cost table.
     * @param space The space's decomposition.
     * @return The penalty.
     * @throws IllegalArgumentException if the target is below what the cheapest cell costs.
     */
    CostPenalty newPenalty(OpCosts costs, CostDecomposition space) {
        return new CostPenalty(costs, space, target, lambda, dualStepSize, dualDamping, budgetSlack);
    }

    /**
     * Describes the budget, the tail of {@link CostModel#describe()}.
     * @param metric The metric the budget is in.
     * @return e.g. {@code , target 0.400 ms, dual step 0.05, damping 2.0, slack 0.15}.
     */
    String describe(CostMetric metric) {
        return target > 0 ? ", target " + metric.format(target) + ", dual step " + dualStepSize + ", damping " + dualDamping + ", slack " + budgetSlack
                : ", fixed lambda " + lambda;
    }
}
