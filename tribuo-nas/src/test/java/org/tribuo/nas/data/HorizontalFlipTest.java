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

package org.tribuo.nas.data;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HorizontalFlipTest {

    @Test
    void mirrorReversesEveryRowOfOneImageOnly() {
        ImageShape shape = new ImageShape(2, 2, 3);
        float[] buffer = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
            13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24};
        HorizontalFlip.mirror(buffer, 1, shape);
        assertArrayEquals(new float[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10,
            13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}, buffer);
        float[] even = {1, 2, 3, 4, 5, 6, 7, 8};
        HorizontalFlip.mirror(even, 0, new ImageShape(1, 2, 4));
        assertArrayEquals(new float[] {4, 3, 2, 1, 8, 7, 6, 5}, even);
        HorizontalFlip.mirror(even, 0, new ImageShape(1, 2, 4));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, even, "twice is the identity");
    }

    @Test
    void aboutHalfTheImagesAreFlippedAsTheGeneratorSays() {
        ImageShape shape = new ImageShape(1, 1, 2);
        int count = 10_000;
        float[] buffer = new float[2 * count];
        for (int i = 0; i < count; i++) {
            buffer[2 * i + 1] = 1;
        }
        new HorizontalFlip().applyInPlace(buffer, count, shape, new SplittableRandom(2024));
        SplittableRandom coins = new SplittableRandom(2024);
        int flipped = 0;
        for (int i = 0; i < count; i++) {
            boolean flip = coins.nextBoolean();
            assertEquals(flip ? 1f : 0f, buffer[2 * i], "image " + i);
            assertEquals(flip ? 0f : 1f, buffer[2 * i + 1], "image " + i);
            flipped += flip ? 1 : 0;
        }
        // binomial(10000, 1/2): sd 50, so 4 sd either side
        assertTrue(flipped > 4800 && flipped < 5200, flipped + " of " + count + " flipped");
    }
}
