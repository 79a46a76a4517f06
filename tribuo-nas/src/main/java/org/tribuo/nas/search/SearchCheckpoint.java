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

package org.tribuo.nas.search;

import org.tribuo.nas.arch.ArchitectureState;
import org.tribuo.nas.checkpoint.NetworkState;
import org.tribuo.nas.checkpoint.PhaseState;

import java.util.List;

/**
 * The state of a search at the end of an epoch. With it the search continues exactly as if it
 * had not stopped: the batch samplers are replayed from their seeds to the same position.
 *
 * @param epochsDone Epochs completed.
 * @param epochs Their history records.
 * @param selectedGenotype The genotype the search would return now (null before any epoch).
 * @param bestHeldOut The best held-out supernet accuracy so far (bilevel), else -1.
 * @param archEpochsDrawn How many epochs of architecture batches have been drawn.
 * @param archCursor The next architecture batch within the last drawn epoch.
 * @param architecture The architecture optimizers' states: α, then each node's edge weights.
 * @param network The supernet weights and their SGD state.
 * @param costMultiplier λ of the cost penalty (cost-aware search only, else null).
 */
public record SearchCheckpoint(int epochsDone, List<EpochRecord> epochs, String selectedGenotype, double bestHeldOut,
                               int archEpochsDrawn, int archCursor, List<ArchitectureState> architecture,
                               NetworkState network, Double costMultiplier) implements PhaseState {

    @Override
    public SearchCheckpoint withNetwork(NetworkState network) {
        return new SearchCheckpoint(epochsDone, epochs, selectedGenotype, bestHeldOut, archEpochsDrawn, archCursor,
                architecture, network, costMultiplier);
    }
}
