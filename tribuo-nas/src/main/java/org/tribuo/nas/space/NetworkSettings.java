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

package org.tribuo.nas.space;

/**
 * Sizes and options of the network built from a genotype (the final network).
 *
 * @param channels C: channels of the first stage (hidden width in the tabular space).
 * @param depth N cells per stage (NAS-Bench-201) or the number of cells (DARTS, tabular).
 * @param auxiliaryHead Whether the network has an auxiliary classifier (DARTS space only); when
 *                      it has one, a training forward returns {@code [logits, auxLogits]}.
 */
public record NetworkSettings(int channels, int depth, boolean auxiliaryHead) {

    /**
     * Checks the sizes are positive.
     */
    public NetworkSettings {
        if (channels <= 0 || depth <= 0) {
            throw new IllegalArgumentException("network channels and depth must be positive, got C=" + channels
                    + ", depth=" + depth);
        }
    }
}
