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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageDataTest {
    private static final ImageShape SHAPE = new ImageShape(1, 1, 2);

    private static ImageData threeImages() {
        return new ImageData(SHAPE, new float[] {0, 1, 10, 11, 20, 21}, new int[] {0, 1, -1});
    }

    @Test
    void wrapsWithoutCopying() {
        float[] pixels = {0, 1, 10, 11};
        int[] labels = {3, 4};
        ImageData d = new ImageData(SHAPE, pixels, labels);
        assertSame(pixels, d.pixels());
        assertSame(labels, d.labels());
        assertEquals(2, d.size());
        assertEquals(4, d.label(1));
        assertEquals(2, d.offsetOf(1));
        assertEquals(SHAPE, d.shape());
    }

    @Test
    void subsetCopiesInOrderWithRepeats() {
        ImageData d = threeImages();
        ImageData s = d.subset(new int[] {2, 0, 2});
        assertEquals(3, s.size());
        assertArrayEquals(new float[] {20, 21, 0, 1, 20, 21}, s.pixels());
        assertArrayEquals(new int[] {-1, 0, -1}, s.labels());
        s.pixels()[0] = 99;
        assertEquals(20, d.pixels()[4]);
        assertEquals(0, d.subset(new int[0]).size());
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(new int[] {3}));
    }

    @Test
    void headTakesThePrefix() {
        ImageData h = threeImages().head(2);
        assertArrayEquals(new float[] {0, 1, 10, 11}, h.pixels());
        assertArrayEquals(new int[] {0, 1}, h.labels());
        assertEquals(3, threeImages().head(3).size());
        assertEquals(0, threeImages().head(0).size());
        assertThrows(IllegalArgumentException.class, () -> threeImages().head(4));
        assertThrows(IllegalArgumentException.class, () -> threeImages().head(-1));
    }

    @Test
    void validatesLengthsAndLabels() {
        assertThrows(IllegalArgumentException.class, () -> new ImageData(SHAPE, new float[3], new int[2]));
        assertThrows(IllegalArgumentException.class, () -> new ImageData(SHAPE, new float[2], new int[] {-2}));
        assertThrows(IndexOutOfBoundsException.class, () -> threeImages().label(3));
    }
}
