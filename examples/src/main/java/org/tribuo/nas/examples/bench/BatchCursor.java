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

package org.tribuo.nas.examples.bench;

import org.tribuo.nas.data.BatchSampler;

/**
 * An endless stream of batches: the batches of a sampler's epoch in order, then a fresh epoch.
 */
final class BatchCursor {

    private final BatchSampler sampler;
    private int[][] epoch;
    private int next;

    /**
     * Starts at the first batch of a new epoch.
     * @param sampler The sampler whose epochs are cycled.
     */
    BatchCursor(BatchSampler sampler) {
        this.sampler = sampler;
        this.epoch = sampler.epochBatches();
    }

    /**
     * The next batch, starting a new epoch when the current one is used up.
     * @return The example indices of the batch.
     */
    int[] next() {
        if (next == epoch.length) {
            epoch = sampler.epochBatches();
            next = 0;
        }
        return epoch[next++];
    }
}
