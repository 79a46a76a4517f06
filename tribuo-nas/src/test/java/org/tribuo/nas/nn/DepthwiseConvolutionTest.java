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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DepthwiseConvolution} against a (dilated) depthwise convolution written out in double
 * precision: output, input gradient and kernel gradient, for the polyphase path (stride 1), the
 * sampled path (stride = dilation), the column split of 5x5 kernels (stride 1 and 2, even and odd
 * widths) and the shapes left to the direct convolution.
 */
public class DepthwiseConvolutionTest {

    @ParameterizedTest(name = "C={0} B={1} {2}x{3} k={4} s={5} d={6}")
    @CsvSource({
            // Polyphase (stride 1, sizes divisible by d): DARTS dil_conv_3x3 / 5x5 at C/K channels.
            "16, 2, 16, 16, 3, 1, 2",
            "16, 2, 16, 16, 5, 1, 2",
            "12, 3, 16, 16, 3, 1, 2",
            "4, 4, 32, 32, 5, 1, 2",
            "16, 2, 12, 12, 3, 1, 3",
            // Sampled (stride = dilation), even and odd sizes.
            "16, 2, 14, 14, 3, 2, 2",
            "16, 2, 7, 9, 5, 2, 2",
            "8, 2, 16, 16, 5, 2, 2",
            // 5x5 without dilation: column split at stride 1 (even and odd widths) and stride 2.
            "16, 2, 16, 16, 5, 1, 1",
            "32, 2, 9, 15, 5, 1, 1",
            "12, 2, 16, 16, 5, 2, 1",
            "16, 2, 14, 9, 5, 2, 1",
            // Polyphase components wide enough for the column split: dil_conv_5x5 on 32x32 maps.
            "16, 2, 32, 32, 5, 1, 2",
            // Left to the direct convolution: odd sizes, small maps with 5x5, 3x3 without dilation.
            "16, 2, 7, 7, 3, 1, 2",
            "16, 2, 8, 8, 5, 1, 2",
            "8, 2, 8, 8, 5, 1, 1",
            "16, 2, 9, 9, 3, 2, 1",
    })
    public void matchesDoublePrecisionReference(int channels, int batch, int height, int width, int kernel,
                                                int stride, int dilation) {
        SplittableRandom rng = new SplittableRandom(channels * 131L + height * 7L + kernel);
        float[] input = uniform(rng, batch * channels * height * width, 2);
        float[] filters = uniform(rng, channels * kernel * kernel, 1);
        int padding = dilation * (kernel - 1) / 2;
        int outH = (height + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
        int outW = (width + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
        float[] probe = uniform(rng, batch * channels * outH * outW, 1);

        double[] expected = new double[probe.length];
        double[] inputGrad = new double[input.length];
        double[] kernelGrad = new double[filters.length];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int plane = b * channels + c;
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        int out = (plane * outH + oy) * outW + ox;
                        for (int ky = 0; ky < kernel; ky++) {
                            for (int kx = 0; kx < kernel; kx++) {
                                int y = oy * stride - padding + ky * dilation;
                                int x = ox * stride - padding + kx * dilation;
                                if (y < 0 || y >= height || x < 0 || x >= width) {
                                    continue;
                                }
                                int in = (plane * height + y) * width + x;
                                int k = (c * kernel + ky) * kernel + kx;
                                expected[out] += (double) filters[k] * input[in];
                                inputGrad[in] += (double) filters[k] * probe[out];
                                kernelGrad[k] += (double) input[in] * probe[out];
                            }
                        }
                    }
                }
            }
        }

        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x = m.create(input, new Shape(batch, channels, height, width));
            NDArray w = m.create(filters, new Shape(channels, 1, kernel, kernel));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            NDArray out;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                out = DepthwiseConvolution.depthwise(x, w, stride, dilation);
                gc.backward(out.mul(m.create(probe, out.getShape())).sum());
            }
            assertEquals(new Shape(batch, channels, outH, outW), out.getShape());
            assertArrayEquals(expected, toDouble(out.toFloatArray()), 1e-4, "output");
            assertArrayEquals(inputGrad, toDouble(x.getGradient().toFloatArray()), 1e-4, "input gradient");
            assertArrayEquals(kernelGrad, toDouble(w.getGradient().toFloatArray()), 1e-3, "kernel gradient");
            // Without a kernel gradient (an architecture step) 5x5 kernels take the direct path.
            NDArray frozen = DepthwiseConvolution.depthwise(m.create(input, x.getShape()), m.create(filters, w.getShape()),
                    stride, dilation);
            assertArrayEquals(expected, toDouble(frozen.toFloatArray()), 1e-4, "output without gradients");
        }
    }

    @Test
    public void rejectsEvenOrNonSquareKernels() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray x = m.ones(new Shape(1, 2, 8, 8));
            IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                    () -> DepthwiseConvolution.depthwise(x, m.ones(new Shape(2, 1, 4, 4)), 1, 2));
            assertTrue(even.getMessage().contains("(2, 1, 4, 4)"), even.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> DepthwiseConvolution.depthwise(x, m.ones(new Shape(2, 1, 3, 5)), 1, 2));
        }
    }

    private static float[] uniform(SplittableRandom rng, int n, double bound) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) rng.nextDouble(-bound, bound);
        }
        return values;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    public void theCpuRewritesAreChosenOnTheCpuOnly() {
        Shape map = new Shape(64, 16, 28, 28);
        assertEquals(DepthwiseConvolution.Plan.POLYPHASE, DepthwiseConvolution.plan(Device.cpu(), map, 3, 1, 2, true));
        assertEquals(DepthwiseConvolution.Plan.SUBSAMPLE, DepthwiseConvolution.plan(Device.cpu(), map, 3, 2, 2, true));
        assertEquals(DepthwiseConvolution.Plan.COLUMN_SPLIT, DepthwiseConvolution.plan(Device.cpu(), map, 5, 1, 1, true));
        assertEquals(DepthwiseConvolution.Plan.DIRECT, DepthwiseConvolution.plan(Device.cpu(), map, 5, 1, 1, false),
                "no kernel gradient, no split");
        for (int[] c : new int[][]{{3, 1, 2}, {3, 2, 2}, {5, 1, 1}, {5, 2, 1}, {5, 1, 2}}) {
            assertEquals(DepthwiseConvolution.Plan.DIRECT, DepthwiseConvolution.plan(Device.gpu(0), map, c[0], c[1], c[2], true),
                    "k=" + c[0] + " stride " + c[1] + " dilation " + c[2] + " on a GPU");
        }
    }
}
