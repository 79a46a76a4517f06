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

package org.tribuo.nas.repro;

import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.loop.TrainingProgress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Reproduces a {@link GaeaModel} from its provenance: rebuilds the trainer (with its recorded
 * invocation count) and the training data through {@link ProvenanceRecovery}, retrains, and
 * compares the genotype, every prediction on the training data (and optionally on an extra
 * dataset) exactly, and the two provenances entry by entry.
 * <p>
 * On the CPU a reproduction is expected to be identical. Overrides (a changed seed, a moved data
 * file) apply to the rebuilt configuration before anything is built.
 */
public final class ModelReproducer {
    private static final Logger logger = Logger.getLogger(ModelReproducer.class.getName());

    private final Map<String, String> trainerOverrides = new LinkedHashMap<>();
    private final Map<String, String> sourceOverrides = new LinkedHashMap<>();
    private TrainingProgress progress;

    /** A reproducer without overrides. */
    public ModelReproducer() {}

    /**
     * Overrides a field of the rebuilt trainer, e.g. {@code ("seed", "2")}.
     * @param field The trainer's {@code @Config} field.
     * @param value The value, as in a configuration file.
     * @return this.
     */
    public ModelReproducer overrideTrainer(String field, String value) {
        trainerOverrides.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Overrides a field of the rebuilt training data source, e.g. {@code ("featuresPath", "/new/place")}.
     * @param field The data source's {@code @Config} field.
     * @param value The value, as in a configuration file.
     * @return this.
     */
    public ModelReproducer overrideSource(String field, String value) {
        sourceOverrides.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the receiver of the retraining's progress.
     * @param progress The receiver, or null for none.
     * @return this.
     */
    public ModelReproducer progress(TrainingProgress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Reproduces a model and compares predictions on the recovered training data.
     * @param original The model to reproduce.
     * @return The comparison.
     * @throws ReproductionException If the provenance cannot be turned back into a trainer and data.
     */
    public Reproduction reproduce(GaeaModel original) {
        return reproduce(original, null);
    }

    /**
     * Reproduces a model and compares predictions on the recovered training data and on an extra dataset.
     * @param original The model to reproduce.
     * @param extra More data to compare predictions on (e.g. a test set), or null.
     * @return The comparison.
     * @throws ReproductionException If the provenance cannot be turned back into a trainer and data.
     */
    public Reproduction reproduce(GaeaModel original, Dataset<Label> extra) {
        Objects.requireNonNull(original, "original");
        ProvenanceRecovery recovery = ProvenanceRecovery.of(original.getProvenance());
        trainerOverrides.forEach(recovery::overrideTrainer);
        sourceOverrides.forEach(recovery::overrideSource);
        GaeaTrainer trainer = recovery.trainer();
        MutableDataset<Label> train = recovery.dataset();
        if (progress != null) {
            trainer.setProgress(progress);
        }
        logger.info(() -> "retraining " + trainer + " on " + train.size() + " examples");
        try (GaeaModel reproduced = trainer.train(train)) {
            PredictionComparison predictions = PredictionComparison.compare("training data",
                    original.predict(train), reproduced.predict(train));
            if (extra != null) {
                predictions = predictions.plus(PredictionComparison.compare("extra data",
                        original.predict(extra), reproduced.predict(extra)));
            }
            List<ProvenanceDifference> diff = ProvenanceDiff.diff(original.getProvenance(), reproduced.getProvenance());
            return new Reproduction(original.genotype().toString(), reproduced.genotype().toString(), predictions, diff,
                    Departure.find(original, reproduced, predictions));
        }
    }
}
