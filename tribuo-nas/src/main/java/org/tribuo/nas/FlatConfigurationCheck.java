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

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recognizes a configuration written for the flat {@link GaeaTrainer} of tribuo-nas before it was
 * composed of parts, and says where each of its settings went. OLCUT alone would only call the
 * old names unknown.
 */
public final class FlatConfigurationCheck {

    private static final Map<String, String> MOVED = new LinkedHashMap<>();

    static {
        MOVED.put("imageChannels", "input (org.tribuo.nas.data.ImageInput).channels");
        MOVED.put("imageHeight", "input (ImageInput).height");
        MOVED.put("imageWidth", "input (ImageInput).width");
        MOVED.put("searchSpace", "space: a component of type org.tribuo.nas.nb201.Nb201SearchSpace, "
                + "org.tribuo.nas.darts.DartsSearchSpace or org.tribuo.nas.tabular.TabularSearchSpace");
        MOVED.put("ops", "space.ops (a list)");
        MOVED.put("geometry", "architectureUpdate: org.tribuo.nas.search.ExponentiatedGradientUpdate or SoftmaxAdamUpdate");
        MOVED.put("relaxation", "relaxation: org.tribuo.nas.search.ContinuousRelaxation or GumbelRelaxation (no longer an enum value)");
        MOVED.put("partialChannels", "space (DartsSearchSpace).partialChannels");
        MOVED.put("archLearningRate", "architectureUpdate.learningRate");
        MOVED.put("edgeLearningRate", "architectureUpdate.edgeLearningRate");
        MOVED.put("archWeightDecay", "architectureUpdate (SoftmaxAdamUpdate).weightDecay");
        MOVED.put("archEntropicWeight", "architectureUpdate (ExponentiatedGradientUpdate).entropicWeight");
        MOVED.put("archWarmupEpochs", "search.archWarmupEpochs");
        MOVED.put("tauMax", "relaxation (GumbelRelaxation).tauMax");
        MOVED.put("tauMin", "relaxation (GumbelRelaxation).tauMin");
        MOVED.put("scheme", "search.scheme");
        MOVED.put("searchChannels", "space.searchChannels");
        MOVED.put("searchCellsPerStage", "space (Nb201SearchSpace).searchCellsPerStage");
        MOVED.put("searchLayers", "space (DartsSearchSpace, TabularSearchSpace).searchLayers");
        MOVED.put("searchEpochs", "search.epochs");
        MOVED.put("searchBatchSize", "search.batchSize");
        MOVED.put("searchExamples", "search.examples");
        MOVED.put("searchLearningRate", "search.learningRate");
        MOVED.put("searchLearningRateMin", "search.learningRateMin");
        MOVED.put("searchLrPeriodEpochs", "search.lrPeriodEpochs");
        MOVED.put("finalChannels", "space.finalChannels");
        MOVED.put("finalCellsPerStage", "space (Nb201SearchSpace).finalCellsPerStage");
        MOVED.put("finalLayers", "space (DartsSearchSpace, TabularSearchSpace).finalLayers");
        MOVED.put("auxiliaryWeight", "space (DartsSearchSpace).auxiliaryWeight");
        MOVED.put("dropPath", "space (DartsSearchSpace).dropPath");
        MOVED.put("cutout", "space (Nb201SearchSpace, DartsSearchSpace).cutout");
        MOVED.put("finalEpochs", "finalTraining.epochs");
        MOVED.put("finalBatchSize", "finalTraining.batchSize");
        MOVED.put("finalExamples", "finalTraining.examples");
        MOVED.put("finalLearningRate", "finalTraining.learningRate");
        MOVED.put("finalLearningRateMin", "finalTraining.learningRateMin");
        MOVED.put("momentum", "search.momentum and finalTraining.momentum");
        MOVED.put("weightDecay", "search.weightDecay and finalTraining.weightDecay");
        MOVED.put("gradClip", "search.gradClip and finalTraining.gradClip");
    }

    private FlatConfigurationCheck() {}

    /** relaxation kept its name: it is flat only when it holds the old enum value. */
    private static boolean isFlat(ConfigurationData trainer, String key) {
        if (key.equals("relaxation")) {
            String value = trainer.get(key).map(Object::toString).orElse("");
            return value.equals("CONTINUOUS") || value.equals("GUMBEL");
        }
        return MOVED.containsKey(key);
    }

    /**
     * Checks every GaeaTrainer component of a configuration for settings of the flat form.
     * @param cm The configuration, before lookup.
     * @throws IllegalArgumentException naming each flat setting and where it moved, with a pointer
     *         to the migration guide.
     */
    public static void check(ConfigurationManager cm) {
        for (String name : cm.getComponentNames()) {
            Optional<ConfigurationData> data = cm.getConfigurationData(name);
            if (data.isEmpty() || !GaeaTrainer.class.getName().equals(data.get().getClassName())) {
                continue;
            }
            List<String> flat = data.get().getProperties().keySet().stream().filter(key -> isFlat(data.get(), key)).sorted()
                    .map(key -> key + " -> " + MOVED.get(key)).collect(Collectors.toList());
            if (!flat.isEmpty()) {
                throw new IllegalArgumentException("component '" + name + "' is a GaeaTrainer in the flat form of "
                        + "earlier tribuo-nas versions; its settings now live in parts (components named "
                        + "by the trainer's space, architectureUpdate, relaxation, search, finalTraining and input "
                        + "properties; see docs/usage.md, \"Migrating a flat configuration\"):\n  "
                        + String.join("\n  ", flat));
            }
        }
    }
}
