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


package org.tribuo.nas.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * ShuffleNet's channel shuffle, as PC-DARTS mixes the processed and bypassed channels:
 * reshape {@code [B, C, H, W]} to {@code [B, groups, C/groups, H, W]}, swap axes 1 and 2, and
 * flatten back. Output channel {@code j·groups + g} is input channel {@code g·(C/groups) + j}.
 */
public final class ChannelShuffle {

    private ChannelShuffle() {}

    /**
     * Shuffles the channels.
     * @param x The input [B, C, H, W].
     * @param groups The number of groups; must divide C.
     * @return The shuffled array, same shape.
     */
    public static NDArray shuffle(NDArray x, int groups) {
        Shape s = x.getShape();
        long channels = s.get(1);
        if (channels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + channels + " channels");
        }
        return x.reshape(s.get(0), groups, channels / groups, s.get(2), s.get(3))
                .transpose(0, 2, 1, 3, 4)
                .reshape(s);
    }
}
