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

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentationTest {
    private static final ImageShape SHAPE = new ImageShape(2, 6, 6);
    private static final Normalization NORM = new Normalization(SHAPE, new float[] {5, 7}, new float[] {2, 4});

    /** Eight images of values 1 … 72·8, none zero. */
    private static ImageData data() {
        float[] pixels = new float[8 * SHAPE.pixels()];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = k + 1;
        }
        return new ImageData(SHAPE, pixels, new int[8]);
    }

    private static float[] batch(Augmentation augmentation, SplittableRandom rng) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            return BatchFactory.images(m, data(), new int[] {5, 1, 6, 1, 0}, NORM, augmentation, rng).toFloatArray();
        }
    }

    @Test
    void switchedOffItChangesNothingAndDrawsNothing() {
        float[] plain;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            plain = BatchFactory.images(m, data(), new int[] {5, 1, 6, 1, 0}, NORM).toFloatArray();
        }
        SplittableRandom rng = new SplittableRandom(31);
        assertArrayEquals(plain, batch(Augmentation.of(0, false, 0), rng));
        assertEquals(new SplittableRandom(31).nextLong(), rng.nextLong(), "the generator is left where it was, "
                + "so drop-path's draws after the batch are the same");
        assertEquals(Augmentation.NONE, Augmentation.of(0, false, 0));
    }

    @Test
    void cutoutAloneIsTheCutoutOfBefore() {
        SplittableRandom rng = new SplittableRandom(8);
        float[] got = batch(Augmentation.of(0, false, 3), rng);
        float[] expected = new float[5 * SHAPE.pixels()];
        int[] indices = {5, 1, 6, 1, 0};
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data().pixels(), indices[i] * SHAPE.pixels(), expected, i * SHAPE.pixels(), SHAPE.pixels());
        }
        NORM.applyInPlace(expected, 0, indices.length);
        SplittableRandom before = new SplittableRandom(8);
        new Cutout(3).applyInPlace(expected, indices.length, SHAPE, before);
        assertArrayEquals(expected, got);
        assertEquals(before.nextLong(), rng.nextLong());
    }

    @Test
    void cropAndFlipPrecedeNormalizationAndCutoutFollowsFromOneGenerator() {
        int[] indices = {5, 1, 6, 1, 0};
        float[] expected = new float[5 * SHAPE.pixels()];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data().pixels(), indices[i] * SHAPE.pixels(), expected, i * SHAPE.pixels(), SHAPE.pixels());
        }
        SplittableRandom steps = new SplittableRandom(77);
        new RandomCrop(2).applyInPlace(expected, 5, SHAPE, steps);
        new HorizontalFlip().applyInPlace(expected, 5, SHAPE, steps);
        NORM.applyInPlace(expected, 0, 5);
        new Cutout(2).applyInPlace(expected, 5, SHAPE, steps);

        SplittableRandom rng = new SplittableRandom(77);
        float[] got = batch(Augmentation.of(2, true, 2), rng);
        assertArrayEquals(expected, got);
        assertEquals(steps.nextLong(), rng.nextLong());
        // the padding is black: a raw 0, normalized to -mean/std (channel 0: -2.5), not the mean
        int black = 0;
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < 36; k++) {
                black += got[i * SHAPE.pixels() + k] == -2.5f ? 1 : 0;
            }
        }
        assertTrue(black > 0, "some padding in channel 0 of five images cropped with P = 2");
        assertNotEquals(0, java.util.Arrays.compare(batch(Augmentation.of(2, true, 2), new SplittableRandom(78)), got),
                "another seed, other crops");
    }

    @Test
    void negativeSizesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.of(-1, false, 0)).getMessage()
                .contains("random-crop padding must be non-negative, got -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Augmentation.of(0, true, -2)).getMessage()
                .contains("cutout length must be non-negative, got -2"));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.of(6, false, 0).checkFits(SHAPE));
        Augmentation.of(5, true, 16).checkFits(SHAPE);
    }
}
