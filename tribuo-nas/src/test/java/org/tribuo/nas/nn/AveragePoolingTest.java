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

package org.tribuo.nas.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AveragePooling} (window sums by a depthwise convolution of ones) against PyTorch's
 * {@code avg_pool2d(count_include_pad=False)} written out in double precision: the forward value
 * and the input gradient, for the windows the search spaces use and for narrow channel counts
 * (libtorch's narrow convolutions have returned wrong input gradients; see docs/known-issues.md).
 */
public class AveragePoolingTest {

    @ParameterizedTest(name = "C={0} {2}x{3} k={4} s={5} p={6}")
    @CsvSource({
            // NAS-Bench-201 avg_pool_3x3 at the three stage widths; DARTS 3x3 pools at C/K channels,
            // stride 1 and 2; the auxiliary head's 5x5 stride-3 pool; odd sizes.
            "16, 2, 28, 28, 3, 1, 1",
            "32, 2, 14, 14, 3, 1, 1",
            "64, 2, 7, 7, 3, 1, 1",
            "4, 3, 16, 16, 3, 1, 1",
            "4, 3, 16, 16, 3, 2, 1",
            "1, 2, 5, 5, 3, 2, 1",
            "3, 2, 9, 7, 3, 1, 1",
            "8, 2, 8, 8, 5, 3, 0",
            "16, 2, 9, 7, 3, 1, 1",
            "24, 3, 8, 8, 3, 2, 1",
            "16, 2, 8, 8, 5, 3, 0",
            // Narrow inputs with >= 16 (example, channel) planes: summed as one wide image.
            "4, 8, 16, 16, 3, 1, 1",
            "4, 8, 16, 16, 3, 2, 1",
            "3, 6, 9, 7, 3, 1, 1",
            "8, 4, 8, 8, 5, 3, 0",
    })
    public void matchesCountExcludingPadReference(int channels, int batch, int height, int width, int kernel,
                                                  int stride, int padding) {
        SplittableRandom rng = new SplittableRandom(channels * 31L + height);
        float[] input = new float[batch * channels * height * width];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) rng.nextDouble(-2, 2);
        }
        int outH = (height + 2 * padding - kernel) / stride + 1;
        int outW = (width + 2 * padding - kernel) / stride + 1;
        float[] probe = new float[batch * channels * outH * outW];
        for (int i = 0; i < probe.length; i++) {
            probe[i] = (float) rng.nextDouble(-1, 1);
        }

        double[] expected = new double[probe.length];
        double[] expectedGrad = new double[input.length];
        for (int plane = 0; plane < batch * channels; plane++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    int out = (plane * outH + oy) * outW + ox;
                    double sum = 0;
                    int count = 0;
                    for (int ky = 0; ky < kernel; ky++) {
                        for (int kx = 0; kx < kernel; kx++) {
                            int y = oy * stride - padding + ky;
                            int x = ox * stride - padding + kx;
                            if (y >= 0 && y < height && x >= 0 && x < width) {
                                sum += input[(plane * height + y) * width + x];
                                count++;
                            }
                        }
                    }
                    expected[out] = sum / count;
                    for (int ky = 0; ky < kernel; ky++) {
                        for (int kx = 0; kx < kernel; kx++) {
                            int y = oy * stride - padding + ky;
                            int x = ox * stride - padding + kx;
                            if (y >= 0 && y < height && x >= 0 && x < width) {
                                expectedGrad[(plane * height + y) * width + x] += probe[out] / (double) count;
                            }
                        }
                    }
                }
            }
        }

        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x = m.create(input, new Shape(batch, channels, height, width));
            x.setRequiresGradient(true);
            NDArray pooled;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                pooled = AveragePooling.excludingPadding(x, new Shape(kernel, kernel), new Shape(stride, stride),
                        new Shape(padding, padding));
                gc.backward(pooled.mul(m.create(probe, pooled.getShape())).sum());
            }
            assertEquals(new Shape(batch, channels, outH, outW), pooled.getShape());
            assertArrayEquals(expected, toDouble(pooled.toFloatArray()), 1e-5, "pooled values");
            assertArrayEquals(expectedGrad, toDouble(x.getGradient().toFloatArray()), 1e-5, "input gradient");
        }
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    public void windowSumsByConvolutionOnTheCpuOnly() {
        assertTrue(AveragePooling.byConvolution(Device.cpu(), 16));
        assertFalse(AveragePooling.byConvolution(Device.cpu(), 15), "narrow inputs avoid libtorch's narrow-convolution bug");
        assertFalse(AveragePooling.byConvolution(Device.gpu(0), 16));
        assertFalse(AveragePooling.byConvolution(Device.gpu(1), 256));
    }
}
