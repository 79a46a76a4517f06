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
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizationTest {

    /** Mean and population std of one channel over all images, computed naively in double. */
    private static double[] directStats(ImageData d, int channel) {
        ImageShape s = d.shape();
        double sum = 0;
        double sumSq = 0;
        long count = 0;
        for (int img = 0; img < d.size(); img++) {
            for (int k = 0; k < s.planeSize(); k++) {
                double v = d.pixels()[img * s.pixels() + channel * s.planeSize() + k];
                sum += v;
                sumSq += v * v;
                count++;
            }
        }
        double mean = sum / count;
        return new double[] {mean, Math.sqrt(sumSq / count - mean * mean)};
    }

    private static ImageData randomThreeChannel() {
        ImageShape shape = new ImageShape(3, 4, 5);
        Random rng = new Random(7);
        int n = 50;
        float[] pixels = new float[n * shape.pixels()];
        for (int img = 0; img < n; img++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < shape.planeSize(); k++) {
                    // Channel c has mean 10*c and std c+1.
                    pixels[img * shape.pixels() + c * shape.planeSize() + k] =
                            (float) (10 * c + (c + 1) * rng.nextGaussian());
                }
            }
        }
        return new ImageData(shape, pixels, new int[n]);
    }

    @Test
    void fitMatchesDirectComputationOnTheFixture() throws IOException {
        MutableDataset<Label> train = Fixtures.load("train");
        ImageData data = new ImageTensorizer(Fixtures.MNIST_SHAPE).tensorize(train, train.getOutputIDInfo());
        Normalization norm = Normalization.fit(data);
        double[] direct = directStats(data, 0);
        assertEquals(direct[0], norm.means()[0], 1e-3);
        assertEquals(direct[1], norm.stds()[0], 1e-3);
        // Fashion-MNIST pixel mean is about 73 and std about 90 (on 0..255).
        assertTrue(norm.means()[0] > 60 && norm.means()[0] < 85, norm.toString());
        assertTrue(norm.stds()[0] > 80 && norm.stds()[0] < 100, norm.toString());

        float[] copy = data.pixels().clone();
        norm.applyInPlace(copy, 0, data.size());
        double[] after = directStats(new ImageData(data.shape(), copy, data.labels()), 0);
        assertEquals(0.0, after[0], 1e-4);
        assertEquals(1.0, after[1], 1e-4);
    }

    @Test
    void perChannelStatistics() {
        ImageData data = randomThreeChannel();
        Normalization norm = Normalization.fit(data);
        assertEquals(3, norm.means().length);
        for (int c = 0; c < 3; c++) {
            double[] direct = directStats(data, c);
            assertEquals(direct[0], norm.means()[c], 1e-4);
            assertEquals(direct[1], norm.stds()[c], 1e-4);
            assertEquals(10 * c, norm.means()[c], 0.5 * (c + 1));
            assertEquals(c + 1, norm.stds()[c], 0.2 * (c + 1));
        }
        float[] copy = data.pixels().clone();
        norm.applyInPlace(copy, 0, data.size());
        ImageData normalized = new ImageData(data.shape(), copy, data.labels());
        for (int c = 0; c < 3; c++) {
            double[] after = directStats(normalized, c);
            assertEquals(0.0, after[0], 1e-5, "channel " + c);
            assertEquals(1.0, after[1], 1e-5, "channel " + c);
        }
    }

    @Test
    void applyTouchesOnlyTheRequestedImages() {
        ImageShape shape = new ImageShape(2, 1, 2);
        Normalization norm = new Normalization(shape, new float[] {1, 10}, new float[] {2, 5});
        float[] pixels = {7, 7, 3, 5, 20, 30, 7, 7};
        norm.applyInPlace(pixels, 2, 1);
        assertArrayEquals(new float[] {7, 7, 1, 2, 2, 4, 7, 7}, pixels);
        assertThrows(IndexOutOfBoundsException.class, () -> norm.applyInPlace(new float[8], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> norm.applyInPlace(new float[8], -1, 1));
        norm.applyInPlace(new float[8], 8, 0);
    }

    @Test
    void constantChannelGetsTheStdFloor() {
        ImageShape shape = new ImageShape(1, 2, 2);
        ImageData data = new ImageData(shape, new float[] {5, 5, 5, 5, 5, 5, 5, 5}, new int[2]);
        Normalization norm = Normalization.fit(data);
        assertEquals(5.0f, norm.means()[0]);
        assertEquals((float) Normalization.MIN_STD, norm.stds()[0]);
        float[] copy = data.pixels().clone();
        norm.applyInPlace(copy, 0, 2);
        assertArrayEquals(new float[8], copy);
    }

    @Test
    void validatesStatistics() {
        ImageShape one = new ImageShape(1, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> new Normalization(one, new float[] {0, 0}, new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(one, new float[] {0}, new float[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Normalization(one, new float[] {0}, new float[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Normalization(one, new float[] {Float.NaN}, new float[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Normalization(one, new float[] {0}, new float[] {Float.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.fit(new ImageData(one, new float[0], new int[0])));
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        ImageShape one = new ImageShape(1, 2, 2);
        float[] means = {0.5f};
        Normalization a = new Normalization(one, means, new float[] {2});
        means[0] = 9;
        assertEquals(0.5f, a.means()[0]);
        a.means()[0] = 9;
        a.stds()[0] = 9;
        assertEquals(0.5f, a.means()[0]);
        assertEquals(2f, a.stds()[0]);
        Normalization b = new Normalization(one, new float[] {0.5f}, new float[] {2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new Normalization(one, new float[] {0.5f}, new float[] {3}));
        assertNotEquals(a, new Normalization(new ImageShape(1, 1, 4), new float[] {0.5f}, new float[] {2}));
    }
}
