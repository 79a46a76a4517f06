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
 * Random horizontal flip (torchvision's {@code RandomHorizontalFlip()}, part of the reference's
 * CIFAR pipeline): each image is mirrored left to right with probability 1/2.
 */
public final class HorizontalFlip {

    /** Creates the augmentation. */
    public HorizontalFlip() {}

    /**
     * Mirrors each image of a batch buffer with probability 1/2, drawing one
     * {@code rng.nextBoolean()} per image ({@code true} flips).
     * @param buffer Images in [B, C, H, W] order.
     * @param count B.
     * @param shape The image shape.
     * @param rng The source of the coin flips.
     */
    public void applyInPlace(float[] buffer, int count, ImageShape shape, SplittableRandom rng) {
        for (int i = 0; i < count; i++) {
            if (rng.nextBoolean()) {
                mirror(buffer, i, shape);
            }
        }
    }

    /**
     * Reverses every row of one image, in every channel.
     * @param buffer Images in [B, C, H, W] order.
     * @param image The image's index in the buffer.
     * @param shape The image shape.
     */
    public static void mirror(float[] buffer, int image, ImageShape shape) {
        int w = shape.width();
        int rows = shape.channels() * shape.height();
        int start = image * rows * w;
        for (int r = 0; r < rows; r++) {
            int left = start + r * w;
            int right = left + w - 1;
            while (left < right) {
                float t = buffer[left];
                buffer[left++] = buffer[right];
                buffer[right--] = t;
            }
        }
    }
}
