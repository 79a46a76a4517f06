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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomCropTest {
    private static final ImageShape SHAPE = new ImageShape(2, 5, 6);

    /** {@code count} images whose values are their flat position plus one: no pixel is zero. */
    private static float[] batch(int count) {
        float[] buffer = new float[count * SHAPE.pixels()];
        for (int k = 0; k < buffer.length; k++) {
            buffer[k] = k + 1;
        }
        return buffer;
    }

    /** torchvision's way: pad the image with P zeros on every side, take the H×W window at (oy, ox). */
    private static float[] padAndCrop(float[] buffer, int image, int padding, int oy, int ox) {
        int h = SHAPE.height();
        int w = SHAPE.width();
        float[][][] padded = new float[SHAPE.channels()][h + 2 * padding][w + 2 * padding];
        for (int c = 0; c < SHAPE.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    padded[c][y + padding][x + padding] = buffer[image * SHAPE.pixels() + (c * h + y) * w + x];
                }
            }
        }
        float[] out = new float[SHAPE.pixels()];
        for (int c = 0; c < SHAPE.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(c * h + y) * w + x] = padded[c][y + oy][x + ox];
                }
            }
        }
        return out;
    }

    @Test
    void eachImageIsThePaddedImageCroppedAtItsDrawnOffset() {
        int padding = 3;
        int count = 40;
        float[] original = batch(count);
        float[] buffer = original.clone();
        new RandomCrop(padding).applyInPlace(buffer, count, SHAPE, new SplittableRandom(9));
        SplittableRandom draws = new SplittableRandom(9);
        boolean[] rowOffsets = new boolean[2 * padding + 1];
        int unchanged = 0;
        for (int i = 0; i < count; i++) {
            int oy = draws.nextInt(2 * padding + 1);
            int ox = draws.nextInt(2 * padding + 1);
            rowOffsets[oy] = true;
            float[] image = java.util.Arrays.copyOfRange(buffer, i * SHAPE.pixels(), (i + 1) * SHAPE.pixels());
            assertArrayEquals(padAndCrop(original, i, padding, oy, ox), image, "image " + i + " at offset " + oy + "," + ox);
            int zeros = 0;
            for (float v : image) {
                zeros += v == 0 ? 1 : 0;
            }
            int dy = Math.abs(oy - padding);
            int dx = Math.abs(ox - padding);
            assertEquals(SHAPE.channels() * (SHAPE.height() * SHAPE.width() - (SHAPE.height() - dy) * (SHAPE.width() - dx)), zeros,
                    "the uncovered border of image " + i + " is zero, the rest is image");
            unchanged += dy == 0 && dx == 0 ? 1 : 0;
        }
        for (int o = 0; o < rowOffsets.length; o++) {
            assertTrue(rowOffsets[o], "row offset " + o + " drawn in 40 images");
        }
        assertTrue(unchanged < count / 4, "most images move: " + unchanged + " of " + count + " unchanged");
    }

    @Test
    void aShiftMovesTheContentByTheOffset() {
        // One 1x3x4 image, P = 1: the offsets that keep a pixel's value show where it went.
        ImageShape shape = new ImageShape(1, 3, 4);
        int movedDown = 0;
        int movedLeft = 0;
        for (long seed = 0; seed < 30; seed++) {
            float[] buffer = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
            new RandomCrop(1).applyInPlace(buffer, 1, shape, new SplittableRandom(seed));
            SplittableRandom draws = new SplittableRandom(seed);
            int dy = draws.nextInt(3) - 1;
            int dx = draws.nextInt(3) - 1;
            // the input's centre-left pixel (row 1, column 1, value 6) lands at (1 - dy, 1 - dx)
            assertEquals(6f, buffer[(1 - dy) * 4 + (1 - dx)], "seed " + seed + ", shift " + dy + "," + dx);
            if (dy == -1) {
                movedDown++;
                assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(buffer, 0, 4), "content moved down: top row zero");
            }
            if (dx == 1) {
                movedLeft++;
                for (int y = 0; y < 3; y++) {
                    assertEquals(0f, buffer[y * 4 + 3], "content moved left: right column zero");
                }
            }
        }
        assertTrue(movedDown > 0 && movedLeft > 0, "30 seeds move down " + movedDown + " and left " + movedLeft + " times");
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomCrop(0)).getMessage()
                .contains("padding must be positive, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RandomCrop(-4)).getMessage()
                .contains("padding must be positive, got -4"));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> new RandomCrop(5).checkFits(SHAPE));
        assertEquals("random-crop padding 5 must be smaller than the image's height and width (5x6)", tooBig.getMessage());
        new RandomCrop(4).checkFits(SHAPE);
        float[] buffer = batch(1);
        assertThrows(IllegalArgumentException.class,
                () -> new RandomCrop(6).applyInPlace(buffer, 1, SHAPE, new SplittableRandom(1)));
        assertArrayEquals(batch(1), buffer, "a refused crop leaves the batch alone");
    }
}
