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

import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.train.TrainingEpoch;

/**
 * Receives the progress of a {@link GaeaTrainer}: the search, then the final training. Used by
 * the command line for progress bars; a library caller gets java.util.logging lines instead.
 * All methods have empty defaults.
 */
public interface TrainingProgress {

    /** The two phases of a training run. */
    public enum Phase {
        /** The architecture search on the supernet. */
        SEARCH,
        /** Training the found network from scratch. */
        FINAL_TRAINING
    }

    /**
     * A phase starts.
     * @param phase The phase.
     * @param epochs Its epochs.
     * @param stepsPerEpoch Its minibatches per epoch.
     */
    public default void onPhaseStart(Phase phase, int epochs, int stepsPerEpoch) {}

    /**
     * A minibatch finished.
     * @param phase The phase.
     * @param epoch One-based epoch.
     * @param step One-based step within the epoch.
     */
    public default void onStep(Phase phase, int epoch, int step) {}

    /**
     * A search epoch finished.
     * @param record Its figures.
     */
    public default void onSearchEpoch(EpochRecord record) {}

    /**
     * A final-training epoch finished.
     * @param epoch Its figures.
     */
    public default void onTrainingEpoch(TrainingEpoch epoch) {}

    /**
     * A phase ended.
     * @param phase The phase.
     */
    public default void onPhaseEnd(Phase phase) {}
}
