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
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchFactoryTest {
    private static final ImageShape SHAPE = new ImageShape(2, 2, 3);

    /** Four images; image i has value 100*i + k at flat position k. */
    private static ImageData data() {
        int n = 4;
        float[] pixels = new float[n * SHAPE.pixels()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < SHAPE.pixels(); k++) {
                pixels[i * SHAPE.pixels() + k] = 100 * i + k;
            }
        }
        return new ImageData(SHAPE, pixels, new int[] {3, 1, 0, 2});
    }

    @Test
    void imagesAreGatheredNormalizedAndShaped() {
        ImageData data = data();
        float[] before = data.pixels().clone();
        Normalization norm = new Normalization(SHAPE, new float[] {1, 2}, new float[] {2, 4});
        int[] batch = {2, 0, 2};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray images = BatchFactory.images(manager, data, batch, norm);
            assertEquals(DataType.FLOAT32, images.getDataType());
            assertEquals(new Shape(3, 2, 2, 3), images.getShape());
            float[] got = images.toFloatArray();
            for (int b = 0; b < batch.length; b++) {
                for (int k = 0; k < SHAPE.pixels(); k++) {
                    int c = k / SHAPE.planeSize();
                    float raw = 100 * batch[b] + k;
                    float want = (raw - norm.means()[c]) / norm.stds()[c];
                    assertEquals(want, got[b * SHAPE.pixels() + k], 1e-6f, "batch " + b + " value " + k);
                }
            }
            // Spot check through NDArray indexing: image 0 of batch is data image 2, channel 1, row 1, column 2.
            assertEquals((100 * 2 + 11 - 2) / 4f, images.get(0, 1, 1, 2).getFloat(), 1e-6f);

            NDArray raw = BatchFactory.images(manager, data, new int[] {1}, null);
            assertEquals(new Shape(1, 2, 2, 3), raw.getShape());
            float[] rawValues = raw.toFloatArray();
            for (int k = 0; k < SHAPE.pixels(); k++) {
                assertEquals(100 + k, rawValues[k]);
            }
        }
        assertArrayEquals(before, data.pixels(), "ImageData must not be modified");
    }

    @Test
    void labelsAreInt64() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray labels = BatchFactory.labels(manager, data(), new int[] {3, 0, 1});
            assertEquals(DataType.INT64, labels.getDataType());
            assertEquals(new Shape(3), labels.getShape());
            assertArrayEquals(new long[] {2, 3, 1}, labels.toLongArray());
        }
    }

    @Test
    void aBatchKeepsItsValuesWhenTheNextIsMade() {
        ImageData data = data();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray first = BatchFactory.images(manager, data, new int[] {0, 1}, null);
            NDArray firstLabels = BatchFactory.labels(manager, data, new int[] {0, 1});
            BatchFactory.images(manager, data, new int[] {3, 2}, null);
            BatchFactory.labels(manager, data, new int[] {3, 2});
            float[] values = first.toFloatArray();
            for (int b = 0; b < 2; b++) {
                for (int k = 0; k < SHAPE.pixels(); k++) {
                    assertEquals(100 * b + k, values[b * SHAPE.pixels() + k], "image " + b + " value " + k);
                }
            }
            assertArrayEquals(new long[] {3, 1}, firstLabels.toLongArray());
        }
    }

    @Test
    void closedBatchesLeaveNoDirectMemoryBehind() {
        ImageShape large = new ImageShape(1, 512, 512);
        ImageData data = new ImageData(large, new float[2 * large.pixels()], new int[] {0, 1});
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BatchFactory.images(manager, data, new int[] {0}, null).close();
            long before = direct.getMemoryUsed();
            for (int i = 0; i < 64; i++) {
                try (NDManager step = manager.newSubManager()) {
                    BatchFactory.images(step, data, new int[] {i % 2}, null);
                    BatchFactory.labels(step, data, new int[] {i % 2});
                }
            }
            long grown = direct.getMemoryUsed() - before;
            // 64 batches of 1 MB: DJL's own staging would leave them for a garbage collection.
            assertTrue(grown < 4 << 20, "direct memory grew by " + grown + " bytes over 64 closed 1 MB batches");
        }
    }

    @Test
    void rejectsBadBatches() {
        ImageData unlabelled = new ImageData(SHAPE, new float[SHAPE.pixels()], new int[] {ImageData.UNKNOWN_LABEL});
        Normalization other = new Normalization(new ImageShape(2, 3, 2), new float[] {0, 0}, new float[] {1, 1});
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            assertThrows(IllegalArgumentException.class, () -> BatchFactory.images(manager, data(), new int[0], null));
            assertThrows(IllegalArgumentException.class, () -> BatchFactory.labels(manager, data(), new int[0]));
            assertThrows(IllegalArgumentException.class, () -> BatchFactory.images(manager, data(), new int[] {0}, other));
            assertThrows(IllegalArgumentException.class, () -> BatchFactory.labels(manager, unlabelled, new int[] {0}));
            assertThrows(IndexOutOfBoundsException.class, () -> BatchFactory.images(manager, data(), new int[] {4}, null));
        }
    }
}
