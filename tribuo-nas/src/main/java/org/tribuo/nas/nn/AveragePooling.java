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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.tribuo.nas.numerics.CheckedConvolutions;
import org.tribuo.nas.numerics.NativeScalars;

/**
 * Average pooling that does not count padded zeros, PyTorch's {@code count_include_pad=False},
 * computed as a window sum (a depthwise convolution with a kernel of ones) divided by the number
 * of valid cells in each window.
 * <p>
 * Two reasons for not calling {@code Pool.avgPool2d}: DJL 0.36's PyTorch engine ignores its
 * {@code countIncludePad} flag and always counts the padding (measured: a 3x3 window at the
 * corner of a ramp divides by 9, not 4); and libtorch 2.7.1's CPU {@code avg_pool2d} is slow:
 * forward + backward of a 3x3 stride-1 pool over [64, 16, 28, 28] took 11.7-13.4 ms on the
 * 2-core benchmark machine, the ones-kernel depthwise convolution (oneDNN) 2.7-3.0 ms. The
 * result is the same average up to float summation order. Inputs with fewer than 16 channels
 * take the slower {@code avg_pool2d} window sum (see {@link #MIN_CONVOLUTION_CHANNELS}), and so do
 * inputs on a GPU: the convolution answers a gap of the CPU library, and nothing was measured on
 * a GPU (there the padded average is divided by the fraction of each window inside the input).
 */
public final class AveragePooling {

    private static final Shape UNIT = new Shape(1, 1);
    /**
     * Narrower inputs are pooled by {@code Pool.avgPool2d} (times the window size), not by the
     * depthwise convolution: libtorch's CPU convolutions with few channels have returned wrong
     * input gradients (docs/known-issues.md; measured here for a 1-channel and, once, a 3-channel
     * window sum), while every width from 16 up was exact. A narrow input with at least 16
     * (example, channel) planes is summed as one wide single-example image instead.
     */
    static final long MIN_CONVOLUTION_CHANNELS = 16;

    private AveragePooling() {}

    /**
     * 2-d average pooling over the valid (unpadded) cells of each window, floor mode.
     * @param x The input [B, C, H, W].
     * @param kernel The window.
     * @param stride The stride.
     * @param padding Zero padding on each side.
     * @return The pooled array.
     */
    public static NDArray excludingPadding(NDArray x, Shape kernel, Shape stride, Shape padding) {
        Shape s = x.getShape();
        NDManager manager = x.getManager();
        long planes = s.get(0) * s.get(1);
        boolean convolve = byConvolution(x.getDevice(), s.get(1));
        if (!convolve && !x.getDevice().isGpu() && planes >= MIN_CONVOLUTION_CHANNELS) {
            // Every (example, channel) plane is pooled on its own, so a narrow input can be summed
            // as one wide image [1, B·C, H, W] (a view) without ever running a narrow convolution.
            NDArray wide = x.reshape(1, planes, s.get(2), s.get(3));
            NDArray sums = CheckedConvolutions.conv2d(wide, windowKernel(manager, planes, kernel, x.getDataType(), x.getDevice()),
                    null, stride, padding, UNIT, (int) planes);
            NDArray counts = windowCounts(manager, s.get(2), s.get(3), x.getDataType(), x.getDevice(), kernel, stride,
                    padding);
            Shape out = sums.getShape();
            return sums.reshape(s.get(0), s.get(1), out.get(2), out.get(3)).div(counts);
        }
        if (!convolve) {
            NDArray pooled = Pool.avgPool2d(x, kernel, stride, padding, false, true);
            if (padding.get(0) == 0 && padding.get(1) == 0) {
                return pooled;
            }
            // The zero-padded average of ones: the fraction of each window inside the input.
            NDArray ones = manager.ones(new Shape(1, 1, s.get(2), s.get(3)), x.getDataType(), x.getDevice());
            return pooled.div(Pool.avgPool2d(ones, kernel, stride, padding, false, true));
        }
        NDArray ones = windowKernel(manager, s.get(1), kernel, x.getDataType(), x.getDevice());
        NDArray counts = windowCounts(manager, s.get(2), s.get(3), x.getDataType(), x.getDevice(), kernel, stride,
                padding);
        return excludingPadding(x, ones, counts, stride, padding);
    }

    /**
     * {@link #excludingPadding(NDArray, Shape, Shape, Shape)} with its constants made by the caller
     * (once per channel count and spatial size), so a network can reuse them on every call.
     * @param x The input [B, C, H, W].
     * @param windowKernel {@link #windowKernel} for C channels and the window.
     * @param windowCounts {@link #windowCounts} for the input's spatial size and the same window,
     * stride and padding.
     * @param stride The stride.
     * @param padding Zero padding on each side.
     * @return The pooled array.
     */
    public static NDArray excludingPadding(NDArray x, NDArray windowKernel, NDArray windowCounts, Shape stride,
                                           Shape padding) {
        Shape s = x.getShape();
        NDArray sums;
        if (byConvolution(x.getDevice(), s.get(1))) {
            sums = CheckedConvolutions.conv2d(x, windowKernel, null, stride, padding, UNIT, (int) s.get(1));
        } else {
            Shape window = new Shape(windowKernel.getShape().get(2), windowKernel.getShape().get(3));
            sums = NativeScalars.mul(Pool.avgPool2d(x, window, stride, padding, false, true), window.size());
        }
        return sums.div(windowCounts);
    }

    /**
     * Whether window sums are taken by a depthwise convolution with a kernel of ones (CPU, at
     * least {@link #MIN_CONVOLUTION_CHANNELS} channels) rather than by {@code avg_pool2d}.
     * @param device The input's device.
     * @param channels The input's channels.
     * @return True for the convolution.
     */
    static boolean byConvolution(Device device, long channels) {
        return !device.isGpu() && channels >= MIN_CONVOLUTION_CHANNELS;
    }

    /**
     * The depthwise kernel of ones that sums each window of each channel.
     * @param manager The manager the kernel belongs to.
     * @param channels C.
     * @param kernel The window.
     * @param dataType The input's data type.
     * @param device The input's device.
     * @return [C, 1, kh, kw] of ones.
     */
    public static NDArray windowKernel(NDManager manager, long channels, Shape kernel, DataType dataType,
                                       Device device) {
        return manager.ones(new Shape(channels, 1, kernel.get(0), kernel.get(1)), dataType, device);
    }

    /**
     * The number of valid (unpadded) input cells in each window: the divisor of
     * {@link #excludingPadding}. It depends only on the spatial size, so a caller may compute it
     * once per size and reuse it.
     * @param manager The manager the counts belong to.
     * @param height The input height.
     * @param width The input width.
     * @param dataType The input's data type.
     * @param device The input's device.
     * @param kernel The window.
     * @param stride The stride.
     * @param padding Zero padding on each side.
     * @return The counts (small integers), shape [1, 1, H', W'].
     */
    public static NDArray windowCounts(NDManager manager, long height, long width, DataType dataType, Device device,
                                       Shape kernel, Shape stride, Shape padding) {
        // Counted here rather than by a convolution of ones: a one-example, one-channel convolution
        // is not oneDNN's, and libtorch then probes NNPACK, which logs a warning on every call on
        // CPUs it does not support.
        int[] rows = validCells(height, kernel.get(0), stride.get(0), padding.get(0));
        int[] cols = validCells(width, kernel.get(1), stride.get(1), padding.get(1));
        float[] counts = new float[rows.length * cols.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < cols.length; x++) {
                counts[y * cols.length + x] = rows[y] * cols[x];
            }
        }
        return manager.create(counts, new Shape(1, 1, rows.length, cols.length)).toType(dataType, false)
                .toDevice(device, false);
    }

    /** Per output position along one axis (floor mode), how many window cells fall inside the input. */
    private static int[] validCells(long size, long kernel, long stride, long padding) {
        int outputs = (int) ((size + 2 * padding - kernel) / stride + 1);
        int[] valid = new int[outputs];
        for (int o = 0; o < outputs; o++) {
            long start = o * stride - padding;
            valid[o] = (int) (Math.min(start + kernel, size) - Math.max(start, 0));
        }
        return valid;
    }
}
