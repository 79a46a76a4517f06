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

package org.tribuo.nas.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.runtime.DjlRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class MemoryLayoutTest {

    /**
     * Whether the NHWC order of {@code x} is its memory order: then flattening the NHWC view is a
     * view of {@code x}'s storage (an in-place change shows in {@code x}), otherwise a copy.
     */
    private static boolean channelsInnermost(NDArray x) {
        float before = x.getFloat(0, 1, 0, 0);
        x.transpose(0, 2, 3, 1).reshape(-1).addi(1000f);
        return x.getFloat(0, 1, 0, 0) != before;
    }

    @Test
    public void channelsLastKeepsShapeAndValuesAndPutsChannelsInnermost() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 4 * 5f).reshape(2, 3, 4, 5);
            NDArray arranged = MemoryLayout.CHANNELS_LAST.arrange(x);
            assertEquals(new Shape(2, 3, 4, 5), arranged.getShape());
            assertTrue(arranged.contentEquals(x), "same values");
            assertTrue(channelsInnermost(arranged), "channels-last strides");
            assertTrue(!channelsInnermost(x), "the input stays NCHW (a copy was arranged)");
        }
    }

    @Test
    public void contiguousLeavesTheArrayAlone() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x = m.zeros(new Shape(2, 3, 4, 5));
            assertSame(x, MemoryLayout.CONTIGUOUS.arrange(x));
        }
    }

    @Test
    public void rejectsArraysThatAreNotImages() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MemoryLayout.CHANNELS_LAST.arrange(m.zeros(new Shape(2, 3))));
            assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
        }
    }
}
