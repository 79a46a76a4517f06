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

import org.tribuo.nas.cost.CostMetric;
import org.tribuo.provenance.ModelProvenance;

import java.util.Map;
import java.util.Optional;

/**
 * The cost of a cost-aware search's network, read back from its model's provenance: the cost
 * model's settings, the predicted cost and the measured cost ({@link GaeaModel#COST_MODEL},
 * {@link GaeaModel#COST_PREDICTED}, {@link GaeaModel#COST_MEASURED}).
 *
 * @param settings The cost model as {@code describe} writes it, e.g. {@code LATENCY on ONNX_RUNTIME ...}.
 * @param metric What the costs count.
 * @param predicted The cost the op table predicts for the found network.
 * @param measured The cost of the trained network measured whole, as served.
 */
public record CostSummary(String settings, CostMetric metric, double predicted, double measured) {

    /**
     * The summary of a model.
     * @param provenance The model's provenance.
     * @return The summary; empty for a search without a cost model.
     */
    static Optional<CostSummary> of(ModelProvenance provenance) {
        Map<String, ? extends Provenance> facts = provenance.getInstanceProvenance().getMap();
        Provenance settings = facts.get(GaeaModel.COST_MODEL);
        if (!(settings instanceof StringProvenance described)
                || !(facts.get(GaeaModel.COST_PREDICTED) instanceof DoubleProvenance predicted)
                || !(facts.get(GaeaModel.COST_MEASURED) instanceof DoubleProvenance measured)) {
            return Optional.empty();
        }
        CostMetric metric = described.getValue().startsWith(CostMetric.PARAMETERS.name()) ? CostMetric.PARAMETERS
                : CostMetric.LATENCY;
        return Optional.of(new CostSummary(described.getValue(), metric, predicted.getValue(), measured.getValue()));
    }

    /**
     * One line: the settings, the predicted and the measured cost.
     * @return e.g. {@code LATENCY on ONNX_RUNTIME ...: predicted 0.230 ms, measured 0.245 ms}.
     */
    @Override
    public String toString() {
        return settings + ": predicted " + metric.format(predicted) + ", measured " + metric.format(measured);
    }
}
