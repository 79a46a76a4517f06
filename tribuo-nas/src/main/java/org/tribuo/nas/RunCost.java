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

package org.tribuo.nas;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import ai.djl.ndarray.types.Shape;

import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.cost.CostPenalty;
import org.tribuo.nas.cost.OpCosts;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.train.TrainedNetwork;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The cost side of a cost-aware training run: before the search, the op-cost table and the
 * penalty (or the refusal of a target no cell meets); after the final training, the found
 * network measured as served, next to the dearest cell measured again, for the model's provenance.
 */
final class RunCost {

    // Logged under the run's name, where users of a training run look for it.
    private static final Logger logger = Logger.getLogger(TrainingRun.class.getName());

    private RunCost() {}

    /** Costs every candidate op where the final network runs it; refuses a target no cell can meet. */
    static CostPenalty penalty(CostModel costModel, SearchSpace space, ImageShape shape, int numClasses) {
        OpCosts costs = costModel.measure(space, new Shape(shape.channels(), shape.height(), shape.width()), numClasses);
        CostPenalty penalty = costModel.newPenalty(space, costs);
        logger.info(() -> "cost-aware search: " + costModel.describe() + "; cheapest cell "
                + costs.metric().format(costs.predict(costs.cheapestChoices())) + ", dearest "
                + costs.metric().format(costs.predict(costs.dearestChoices()))
                + (penalty.binds() ? "" : "; the target is at or above the dearest cell, so it constrains nothing"));
        return penalty;
    }

    /** The budget, the found network's predicted cost and its measured cost as served. */
    static Map<String, Provenance> provenance(CostModel costModel, SearchSpace space, CostPenalty penalty, SearchResult found,
                                              TrainedNetwork network) {
        ImageShape shape = network.shape();
        double measured;
        synchronized (network) {
            measured = costModel.measureNetwork(network.block(), new Shape(shape.channels(), shape.height(), shape.width()));
        }
        double predicted = penalty.predict(found.genotype());
        OpCosts costs = penalty.costs();
        int[] dearest = costs.dearestChoices();
        Genotype reference = CostModel.decomposition(space).genotype(dearest);
        double referenceNow = costModel.measureNetwork(space, reference, new Shape(shape.channels(), shape.height(),
                shape.width()), network.numClasses());
        double drift = referenceNow / costs.predict(dearest) - 1;
        String referenceText = String.format(Locale.ROOT, "%s: predicted %s, measured next to the found network %s (%+.1f %%)",
                reference, costs.metric().format(costs.predict(dearest)), costs.metric().format(referenceNow), 100 * drift);
        if (Math.abs(drift) > 0.15) {
            logger.warning("the most expensive cell now costs " + costs.metric().format(referenceNow) + ", "
                    + String.format(Locale.ROOT, "%+.0f %%", 100 * drift) + " off its prediction: the machine runs at "
                    + "another speed than when the op costs were measured, so predicted and measured costs are not comparable");
        }
        logger.info(() -> String.format(Locale.ROOT, "found network: predicted %s, measured %s%s", costs.metric().format(predicted),
                costs.metric().format(measured), costModel.target() > 0 ? " (target " + costs.metric().format(costModel.target()) + ")" : ""));
        Map<String, Provenance> facts = new HashMap<>();
        facts.put(GaeaModel.COST_MODEL, new StringProvenance(GaeaModel.COST_MODEL, costModel.describe()));
        facts.put(GaeaModel.COST_TABLE, new StringProvenance(GaeaModel.COST_TABLE, costs.toString()));
        facts.put(GaeaModel.COST_PREDICTED, new DoubleProvenance(GaeaModel.COST_PREDICTED, predicted));
        facts.put(GaeaModel.COST_MEASURED, new DoubleProvenance(GaeaModel.COST_MEASURED, measured));
        facts.put(GaeaModel.COST_REFERENCE, new StringProvenance(GaeaModel.COST_REFERENCE, referenceText));
        return facts;
    }
}
