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

import org.tribuo.nas.checkpoint.NetworkState;
import org.tribuo.nas.checkpoint.PhaseState;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunPhase;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one training loop of tribuo-nas, shared by the search and the final training: resume from
 * the phase's checkpoint, then for every epoch run its steps, turn a diverged step into a
 * {@link TrainingDivergedException} naming the last good checkpoint, checkpoint the epoch
 * (refusing non-finite weights) and report it. A resumed phase ends exactly as an uninterrupted
 * one (on CPU), since the phases replay their samplers and seed every random choice by epoch
 * and step.
 */
public final class TrainingLoop {

    private static final Logger logger = Logger.getLogger(TrainingLoop.class.getName());

    private TrainingLoop() {}

    /**
     * Runs a phase to its last epoch.
     * @param phase The phase.
     * @param checkpoints Where its checkpoint is read and written.
     * @param progress Receives its progress (for the epochs run now, not the resumed ones).
     * @param <S> The phase's checkpoint state.
     * @throws TrainingDivergedException if a step or an epoch's weights diverge.
     */
    public static <S extends PhaseState> void run(TrainingPhase<S> phase, RunCheckpoints checkpoints,
                                                  TrainingProgress progress) {
        RunPhase which = phase.phase();
        int first = 0;
        Optional<S> resume = checkpoints.load(which, phase.stateType());
        if (resume.isPresent()) {
            S state = resume.get();
            logger.info(() -> "resuming the " + which.displayName() + " after epoch " + state.epochsDone() + " of "
                    + phase.epochs() + " from " + checkpoints.folder().resolve(which.file()));
            phase.restore(state);
            first = state.epochsDone();
        }
        progress.onPhaseStart(which, phase.epochs(), phase.stepsPerEpoch());
        for (int epoch = first; epoch < phase.epochs(); epoch++) {
            long start = System.nanoTime();
            int steps = phase.beginEpoch(epoch);
            try {
                for (int step = 0; step < steps; step++) {
                    phase.step(epoch, step);
                    progress.onStep(which, epoch + 1, step + 1);
                }
            } catch (ArithmeticException e) {
                throw new TrainingDivergedException("the " + which.displayName() + " diverged: " + e.getMessage() + ". "
                        + checkpoints.lastGood(which), epoch + 1);
            }
            EpochFigures figures = phase.endEpoch(epoch, start);
            if (checkpoints.enabled()) {
                NetworkState network = phase.networkState();
                TrainingDivergedException.requireFinite(network, which.displayName(), epoch + 1, checkpoints.lastGood(which));
                checkpoints.save(which, phase.checkpoint(epoch + 1, network));
            }
            int epochs = phase.epochs();
            logger.info(() -> which.displayName() + " epoch " + figures.epoch() + "/" + epochs + ": " + figures.summary());
            progress.onEpoch(which, figures);
        }
        progress.onPhaseEnd(which);
    }
}
