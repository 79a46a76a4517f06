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
 * Cutout augmentation (DeVries and Taylor 2017, as DARTS's final training applies it): one square
 * of side {@code length} per image, centred on a uniformly drawn pixel and clipped at the borders,
 * is set to zero in every channel (after normalization, so it becomes the mean).
 */
public final class Cutout {

    private final int length;

    /**
     * Creates the augmentation.
     * @param length The square's side in pixels, positive.
     */
    public Cutout(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("cutout length must be positive, got " + length);
        }
        this.length = length;
    }

    /**
     * The square's side.
     * @return The length in pixels.
     */
    public int length() {
        return length;
    }

    /**
     * Cuts one square out of each image of a batch buffer.
     * @param buffer Images in [B, C, H, W] order.
     * @param count B.
     * @param shape The image shape.
     * @param rng The source of the square centres.
     */
    public void applyInPlace(float[] buffer, int count, ImageShape shape, SplittableRandom rng) {
        int h = shape.height();
        int w = shape.width();
        for (int i = 0; i < count; i++) {
            int cy = rng.nextInt(h);
            int cx = rng.nextInt(w);
            int y0 = Math.max(0, cy - length / 2);
            int y1 = Math.min(h, cy + length / 2);
            int x0 = Math.max(0, cx - length / 2);
            int x1 = Math.min(w, cx + length / 2);
            for (int c = 0; c < shape.channels(); c++) {
                int plane = (i * shape.channels() + c) * h * w;
                for (int y = y0; y < y1; y++) {
                    java.util.Arrays.fill(buffer, plane + y * w + x0, plane + y * w + x1, 0f);
                }
            }
        }
    }
}
