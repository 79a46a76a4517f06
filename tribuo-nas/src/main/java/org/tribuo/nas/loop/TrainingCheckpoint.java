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

import java.util.List;

/**
 * The state of the final training at the end of an epoch; the batch sampler is replayed from
 * its seed.
 *
 * @param genotype The genotype being trained.
 * @param epochsDone Epochs completed.
 * @param epochs Their figures.
 * @param network The network weights and their SGD state.
 */
public record TrainingCheckpoint(String genotype, int epochsDone, List<TrainingEpoch> epochs, NetworkState network)
        implements PhaseState {

    @Override
    public TrainingCheckpoint withNetwork(NetworkState network) {
        return new TrainingCheckpoint(genotype, epochsDone, epochs, network);
    }
}
