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
 * Sizes and options of a search supernet.
 *
 * @param channels C: channels of the first stage (width of the hidden vectors in the tabular space).
 * @param depth N cells per stage (NAS-Bench-201) or the number of cells (DARTS, tabular).
 * @param partialChannels K of partial-channel mixed ops: the ops run on C/K channels; 1 means off.
 * @param edgeWeights Whether each node weighs its incoming edges by β (PC-DARTS edge normalization).
 */
public record SupernetSettings(int channels, int depth, int partialChannels, boolean edgeWeights) {

    /**
     * Checks the sizes are positive.
     */
    public SupernetSettings {
        if (channels <= 0 || depth <= 0 || partialChannels <= 0) {
            throw new IllegalArgumentException("supernet channels, depth and partialChannels must be positive, got C="
                    + channels + ", depth=" + depth + ", K=" + partialChannels);
        }
    }

    /**
     * A plain supernet: all channels, no edge weights.
     * @param channels C.
     * @param depth Cells per stage or cells.
     * @return The settings.
     */
    public static SupernetSettings plain(int channels, int depth) {
        return new SupernetSettings(channels, depth, 1, false);
    }
}
