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

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random crop with zero padding (torchvision's {@code RandomCrop(size, padding=P)}, the reference's
 * CIFAR pipeline with P = 4): each image is padded with P zeros on every side and an H×W window
 * is taken at a uniformly drawn offset, so the content moves by up to P pixels in each direction
 * and the uncovered border is zero. It is applied to the raw pixels, before normalization, as the
 * reference pads the image before {@code Normalize}.
 */
public final class RandomCrop {

    private final int padding;

    /**
     * Creates the augmentation.
     * @param padding P, the zeros added on every side, positive.
     */
    public RandomCrop(int padding) {
        if (padding <= 0) {
            throw new IllegalArgumentException("random-crop padding must be positive, got " + padding);
        }
        this.padding = padding;
    }

    /**
     * The padding.
     * @return P in pixels.
     */
    public int padding() {
        return padding;
    }

    /**
     * Checks the crop suits images of a shape: a padding of the height or width or more could draw
     * a window with no pixel of the image in it.
     * @param shape The image shape.
     * @throws IllegalArgumentException if the padding is not smaller than the height and the width.
     */
    public void checkFits(ImageShape shape) {
        if (padding >= Math.min(shape.height(), shape.width())) {
            throw new IllegalArgumentException("random-crop padding " + padding + " must be smaller than the image's height and width ("
                    + shape.height() + "x" + shape.width() + ")");
        }
    }

    /**
     * Crops each image of a batch buffer at its own random offset. Per image it draws the row
     * offset, then the column offset, each uniform in [0, 2P] ({@code rng.nextInt(2P + 1)}); an
     * offset of P leaves the image unchanged.
     * @param buffer Images in [B, C, H, W] order.
     * @param count B.
     * @param shape The image shape.
     * @param rng The source of the offsets.
     * @throws IllegalArgumentException if the padding does not suit the shape.
     */
    public void applyInPlace(float[] buffer, int count, ImageShape shape, SplittableRandom rng) {
        checkFits(shape);
        float[] plane = new float[shape.height() * shape.width()];
        for (int i = 0; i < count; i++) {
            int dy = rng.nextInt(2 * padding + 1) - padding;
            int dx = rng.nextInt(2 * padding + 1) - padding;
            shift(buffer, i, shape, dy, dx, plane);
        }
    }

    /**
     * Moves the content of one image so that output pixel (y, x) is input pixel (y + dy, x + dx),
     * zero where that lies outside the image.
     */
    private static void shift(float[] buffer, int image, ImageShape shape, int dy, int dx, float[] plane) {
        int h = shape.height();
        int w = shape.width();
        int x0 = Math.max(0, -dx);
        int x1 = Math.min(w, w - dx);
        for (int c = 0; c < shape.channels(); c++) {
            int start = (image * shape.channels() + c) * h * w;
            System.arraycopy(buffer, start, plane, 0, h * w);
            Arrays.fill(buffer, start, start + h * w, 0f);
            for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
                System.arraycopy(plane, (y + dy) * w + x0 + dx, buffer, start + y * w + x0, x1 - x0);
            }
        }
    }
}
