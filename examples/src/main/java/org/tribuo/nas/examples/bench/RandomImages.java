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

package org.tribuo.nas.examples.bench;

import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;

import java.util.Random;

/**
 * Synthetic images for benchmarks that measure speed only: the losses they give mean nothing.
 */
final class RandomImages {

    private RandomImages() {}

    /**
     * Standard-normal pixels (roughly what normalized images look like) and uniform labels.
     * @param shape The image shape.
     * @param images The number of images.
     * @param classes The number of classes the labels are drawn from.
     * @param seed The random seed; the same seed gives the same data.
     * @return The data.
     */
    static ImageData generate(ImageShape shape, int images, int classes, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[images * shape.pixels()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[images];
        for (int i = 0; i < images; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new ImageData(shape, pixels, labels);
    }
}
