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
import org.tribuo.nas.checkpoint.RunPhase;

/**
 * What the {@link TrainingLoop} needs of a phase (the search, the final training): its steps,
 * its figures and its checkpoint state. The loop owns everything the phases share: the epochs,
 * resuming, divergence, checkpoints and progress, as Tribuo's {@code AbstractSGDTrainer} owns
 * the loop its trainers fill in.
 *
 * @param <S> The phase's checkpoint state.
 */
public interface TrainingPhase<S extends PhaseState> {

    /**
     * Which phase this is.
     * @return The phase.
     */
    public RunPhase phase();

    /**
     * The record class of the phase's checkpoint state.
     * @return The class.
     */
    public Class<S> stateType();

    /**
     * The phase's epochs.
     * @return The count.
     */
    public int epochs();

    /**
     * The minibatches of an epoch.
     * @return The count.
     */
    public int stepsPerEpoch();

    /**
     * Continues from a checkpoint: restores the network, its optimizer and the phase's state, and
     * replays the samplers to where the checkpoint left them.
     * @param state The checkpoint state.
     */
    public void restore(S state);

    /**
     * Starts an epoch (draws its batches).
     * @param epoch The zero-based epoch.
     * @return The steps of this epoch: the batches drawn.
     */
    public int beginEpoch(int epoch);

    /**
     * Runs one minibatch.
     * @param epoch The zero-based epoch.
     * @param step The zero-based step.
     * @throws ArithmeticException if the step diverged.
     */
    public void step(int epoch, int step);

    /**
     * Ends an epoch.
     * @param epoch The zero-based epoch.
     * @param startNanos {@link System#nanoTime()} when the epoch began, for its wall time.
     * @return Its figures.
     */
    public EpochFigures endEpoch(int epoch, long startNanos);

    /**
     * The network and its optimizer state now.
     * @return The state, copied out of native memory.
     */
    public NetworkState networkState();

    /**
     * The checkpoint state after an epoch.
     * @param epochsDone Epochs completed.
     * @param network The network state.
     * @return The state.
     */
    public S checkpoint(int epochsDone, NetworkState network);
}
