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
package org.tribuo.nas.loop;

import org.tribuo.nas.checkpoint.RunPhase;

import java.util.function.Consumer;

/**
 * Receives the progress of a run: the search, then the final training, each driven by the
 * {@link TrainingLoop}. The command line draws progress bars with it; a library caller gets
 * java.util.logging lines without one. All methods have empty defaults.
 */
public interface TrainingProgress {

    /** Receives nothing. */
    public static final TrainingProgress NONE = new TrainingProgress() {};

    /**
     * Receives the epochs of one kind of figures only, e.g. the search's {@code EpochRecord}s.
     * @param type The figures' class.
     * @param action What to do with each epoch's figures.
     * @param <E> The figures' type.
     * @return The receiver.
     */
    public static <E extends EpochFigures> TrainingProgress eachEpoch(Class<E> type, Consumer<? super E> action) {
        return new TrainingProgress() {
            @Override
            public void onEpoch(RunPhase phase, EpochFigures figures) {
                if (type.isInstance(figures)) {
                    action.accept(type.cast(figures));
                }
            }
        };
    }

    /**
     * A phase starts (or resumes).
     * @param phase The phase.
     * @param epochs Its epochs.
     * @param stepsPerEpoch Its minibatches per epoch.
     */
    public default void onPhaseStart(RunPhase phase, int epochs, int stepsPerEpoch) {}

    /**
     * A minibatch finished.
     * @param phase The phase.
     * @param epoch One-based epoch.
     * @param step One-based step within the epoch.
     */
    public default void onStep(RunPhase phase, int epoch, int step) {}

    /**
     * An epoch finished.
     * @param phase The phase.
     * @param figures Its figures: an {@code EpochRecord} for the search, a {@link TrainingEpoch}
     *                for the final training.
     */
    public default void onEpoch(RunPhase phase, EpochFigures figures) {}

    /**
     * A phase ended.
     * @param phase The phase.
     */
    public default void onPhaseEnd(RunPhase phase) {}
}
