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

import java.util.SplittableRandom;

/**
 * The augmentation of a training batch, in the reference's order: random crop, then horizontal
 * flip, on the raw pixels; then, after normalization, cutout. Each part is optional; a missing
 * part draws nothing from the generator, so switching one off leaves the others' draws, and a
 * batch with none of them, unchanged.
 *
 * @param crop The random crop, or null for none.
 * @param flip The horizontal flip, or null for none.
 * @param cutout The cutout, or null for none.
 */
public record Augmentation(RandomCrop crop, HorizontalFlip flip, Cutout cutout) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(null, null, null);

    /**
     * The augmentation of the given settings.
     * @param cropPadding Random-crop padding in pixels; 0 for no crop.
     * @param flip Whether to flip horizontally.
     * @param cutout Cutout side in pixels; 0 for no cutout.
     * @return The augmentation.
     * @throws IllegalArgumentException if a size is negative.
     */
    public static Augmentation of(int cropPadding, boolean flip, int cutout) {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("random-crop padding must be non-negative, got " + cropPadding);
        }
        if (cutout < 0) {
            throw new IllegalArgumentException("cutout length must be non-negative, got " + cutout);
        }
        return new Augmentation(cropPadding > 0 ? new RandomCrop(cropPadding) : null, flip ? new HorizontalFlip() : null,
                cutout > 0 ? new Cutout(cutout) : null);
    }

    /**
     * Checks the augmentation suits images of a shape.
     * @param shape The image shape.
     * @throws IllegalArgumentException if the crop's padding is not smaller than the height and width.
     */
    public void checkFits(ImageShape shape) {
        if (crop != null) {
            crop.checkFits(shape);
        }
    }

    /**
     * Crops, then flips, each image of a batch of raw pixels.
     * @param buffer Images in [B, C, H, W] order.
     * @param count B.
     * @param shape The image shape.
     * @param rng The source of the random choices.
     */
    public void applyBeforeNormalization(float[] buffer, int count, ImageShape shape, SplittableRandom rng) {
        if (crop != null) {
            crop.applyInPlace(buffer, count, shape, rng);
        }
        if (flip != null) {
            flip.applyInPlace(buffer, count, shape, rng);
        }
    }

    /**
     * Applies cutout to each image of a normalized batch.
     * @param buffer Images in [B, C, H, W] order.
     * @param count B.
     * @param shape The image shape.
     * @param rng The source of the random choices.
     */
    public void applyAfterNormalization(float[] buffer, int count, ImageShape shape, SplittableRandom rng) {
        if (cutout != null) {
            cutout.applyInPlace(buffer, count, shape, rng);
        }
    }
}
