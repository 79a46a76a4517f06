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

import org.tribuo.nas.data.BatchSampler;

/**
 * The architecture steps' minibatches of a two-pass search: one batch a step, taken in turn from
 * successive shuffled epochs of the architecture half, whatever step the weight half's epoch is
 * at. Its place is the number of epochs drawn and the cursor into the last one, as a checkpoint
 * records them.
 */
final class ArchitectureBatches {

    private final BatchSampler sampler;
    private int[][] epoch;
    private int epochsDrawn = 1;
    private int cursor;

    /**
     * Draws the first epoch.
     * @param sampler The architecture half's sampler, undrawn.
     */
    ArchitectureBatches(BatchSampler sampler) {
        this.sampler = sampler;
        this.epoch = sampler.epochBatches();
    }

    /**
     * The next batch, drawing a new epoch when the last one is used up.
     * @return The batch's example indices.
     */
    int[] next() {
        if (cursor == epoch.length) {
            epoch = sampler.epochBatches();
            epochsDrawn++;
            cursor = 0;
        }
        return epoch[cursor++];
    }

    /**
     * Replays the sampler from its seed to where a checkpoint left it.
     * @param drawn The epochs the checkpoint had drawn.
     * @param at The checkpoint's cursor into the last of them.
     */
    void restore(int drawn, int at) {
        for (; epochsDrawn < drawn; epochsDrawn++) {
            epoch = sampler.epochBatches();
        }
        cursor = at;
    }

    int epochsDrawn() {
        return epochsDrawn;
    }

    int cursor() {
        return cursor;
    }
}
