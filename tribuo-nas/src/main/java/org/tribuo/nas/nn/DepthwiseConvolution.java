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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.numerics.CheckedConvolutions;

/**
 * A depthwise convolution with "same" padding (the DARTS {@code sep_conv} and {@code dil_conv}
 * kernels), rewritten, with identical math, into convolutions that oneDNN runs in its direct
 * depthwise kernels in all three passes.
 * <p>
 * Why: libtorch 2.7.1's CPU convolutions (oneDNN 3.7) have no direct depthwise kernel for the
 * backward passes of dilated convolutions, nor for the weight gradient of kernels wider than 3;
 * those fall back to im2col + GEMM per channel and image, which the oneDNN verbose log of a
 * DARTS-space search step showed as the largest single cost (see docs/performance.md). So:
 * <ul>
 *   <li>dilation d only ever combines pixels whose coordinates agree modulo d: at stride d the
 *       output is the undilated convolution of {@code x[.., ::d, ::d]}; at stride 1 each of the d²
 *       polyphase components {@code x[.., i::d, j::d]} is convolved on its own (the components
 *       ride in the batch axis of one undilated convolution and are interleaved back);</li>
 *   <li>a 5-wide kernel is split by column parity: on the even and odd columns of the input, the
 *       even kernel columns (0, 2, 4) and the odd ones (1, 3, padded with a zero) are 3-wide
 *       kernels, so the output's even and odd columns are sums of two 5x3 convolutions each, all
 *       four as one depthwise convolution of the column phases tiled twice (at stride 2 only the
 *       even output columns exist: two convolutions).</li>
 * </ul>
 * Where the extra copies cost more than they save (small maps; the column split when no kernel
 * gradient is wanted, as in an architecture step; measured in docs/performance.md) the
 * convolution runs as it is; and on a GPU it always does, as the rewrites answer a gap of the CPU
 * library (cuDNN has its own depthwise kernels, and nothing was measured there).
 */
public final class DepthwiseConvolution {

    private static final Shape UNIT = new Shape(1, 1);
    /** Below this many pixels per map, polyphase 5x5 (dilated) convolutions were slower than the direct ones. */
    private static final long MIN_POLYPHASE_WIDE_PIXELS = 256;
    /** Below this many values per example (C·H·W), column-split 5x5 convolutions were slower at stride 1. */
    private static final long MIN_COLUMN_SPLIT_VALUES = 4096;

    private DepthwiseConvolution() {}

    /**
     * The depthwise convolution of {@code x} with a square kernel, zero padding
     * {@code dilation·(k−1)/2} on each side, no bias.
     * @param x The input [B, C, H, W].
     * @param kernel The filters [C, 1, k, k], k odd.
     * @param stride The stride.
     * @param dilation The dilation.
     * @return The output [B, C, H', W'], as {@code Conv2d.conv2d} with that stride, padding and dilation.
     */
    public static NDArray depthwise(NDArray x, NDArray kernel, int stride, int dilation) {
        Shape s = x.getShape();
        Shape k = kernel.getShape();
        int size = (int) k.get(2);
        if (size % 2 == 0 || k.get(3) != size) {
            throw new IllegalArgumentException("a depthwise convolution here needs a square, odd kernel, got " + k);
        }
        switch (plan(x.getDevice(), s, size, stride, dilation, kernel.hasGradient())) {
            case SUBSAMPLE:
                return depthwise(x.get(new NDIndex(":, :, ::{}, ::{}", dilation, dilation)), kernel, 1, 1);
            case POLYPHASE:
                return polyphase(x, kernel, dilation);
            case COLUMN_SPLIT:
                return columnSplit(x, kernel, stride);
            default:
                break;
        }
        long padding = (long) dilation * (size - 1) / 2;
        return CheckedConvolutions.conv2d(x, kernel, null, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(dilation, dilation), (int) s.get(1));
    }

    /** How a depthwise convolution is computed. */
    enum Plan {
        /** One convolution with the given stride and dilation. */
        DIRECT,
        /** Dilation d at stride d: the undilated convolution of every d-th pixel. */
        SUBSAMPLE,
        /** Dilation d at stride 1: the d² polyphase components as one undilated convolution. */
        POLYPHASE,
        /** A 5x5 kernel as 5x3 kernels on the column phases. */
        COLUMN_SPLIT
    }

    /**
     * The way a convolution is computed on a device.
     * @param device The input's device: the rewrites are for the CPU only.
     * @param s The input shape [B, C, H, W].
     * @param size The kernel size k.
     * @param stride The stride.
     * @param dilation The dilation.
     * @param kernelGradient Whether the kernel's gradient is wanted (a weight step).
     * @return The plan.
     */
    static Plan plan(Device device, Shape s, int size, int stride, int dilation, boolean kernelGradient) {
        if (device.isGpu()) {
            return Plan.DIRECT;
        }
        if (dilation > 1 && stride == dilation) {
            return Plan.SUBSAMPLE;
        }
        if (dilation > 1 && stride == 1 && worthPolyphase(s, size, dilation)) {
            return Plan.POLYPHASE;
        }
        // The split pays for its extra copies only through the kernel gradient (the weight step).
        if (dilation == 1 && size == 5 && kernelGradient
                && (stride == 2 || (stride == 1 && s.get(1) * s.get(2) * s.get(3) >= MIN_COLUMN_SPLIT_VALUES))) {
            return Plan.COLUMN_SPLIT;
        }
        return Plan.DIRECT;
    }

    private static boolean worthPolyphase(Shape s, int size, int dilation) {
        long height = s.get(2);
        long width = s.get(3);
        return height % dilation == 0 && width % dilation == 0
                && (size <= 3 || height * width >= MIN_POLYPHASE_WIDE_PIXELS);
    }

    /** Stride 1: the d² components [B, C, H/d, W/d] stacked as [d·d·B, C, H/d, W/d], convolved, interleaved back. */
    private static NDArray polyphase(NDArray x, NDArray kernel, int d) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long c = s.get(1);
        long h = s.get(2) / d;
        long w = s.get(3) / d;
        NDArray components = x.reshape(batch, c, h, d, w, d).transpose(3, 5, 0, 1, 2, 4)
                .reshape((long) d * d * batch, c, h, w);
        NDArray out = depthwise(components, kernel, 1, 1);
        return out.reshape(d, d, batch, c, h, w).transpose(2, 3, 4, 0, 5, 1).reshape(s);
    }

    /**
     * A 5x5 kernel as 5x3 kernels on the column phases. With even columns e = x[.., 0::2] and odd
     * columns o = x[.., 1::2] (a zero column appended to an odd width), kernel columns
     * E = (w0, w2, w4), A = (w1, w3, 0), B = (0, w1, w3) and 5x3 convolutions with padding (2, 1):
     * out[.., 0::2] = E∗e + A∗o and out[.., 1::2] = B∗e + E∗o.
     */
    private static NDArray columnSplit(NDArray x, NDArray kernel, int stride) {
        Shape s = x.getShape();
        long batch = s.get(0);
        long c = s.get(1);
        long height = s.get(2);
        long width = s.get(3);
        // An odd width gets a zero column: the convolution reads zeros beyond the edge anyway.
        NDArray evenWidth = width % 2 == 0 ? x : x.pad(new Shape(0, 1), 0);
        long half = (width + 1) / 2;
        NDArray evenTaps = kernel.get(new NDIndex(":, :, :, ::2"));
        NDArray oddTaps = kernel.get(new NDIndex(":, :, :, 1::2"));
        NDArray oddFirst = oddTaps.pad(new Shape(0, 1), 0);
        Shape padding = new Shape(2, 1);
        int groups;
        NDArray phases;
        NDArray kernels;
        if (stride == 2) {
            // Only the even output columns: E∗e + A∗o, with the rows strided.
            phases = evenWidth.reshape(batch, c, height, half, 2).transpose(0, 4, 1, 2, 3).reshape(batch, 2 * c, height, half);
            kernels = NDArrays.concat(new NDList(evenTaps, oddFirst), 0);
            groups = (int) (2 * c);
        } else {
            // Phases (e, o) tiled to (e, o, e, o) against kernels (E, A, B, E).
            phases = evenWidth.reshape(batch, 1, c, height, half, 2).transpose(0, 1, 5, 2, 3, 4)
                    .tile(new long[]{1, 2, 1, 1, 1, 1}).reshape(batch, 4 * c, height, half);
            NDArray oddLast = oddTaps.pad(new Shape(1, 0), 0);
            kernels = NDArrays.concat(new NDList(evenTaps, oddFirst, oddLast, evenTaps), 0);
            groups = (int) (4 * c);
        }
        NDArray y = CheckedConvolutions.conv2d(phases, kernels, null, new Shape(stride, 1), padding, UNIT, groups);
        long outHeight = y.getShape().get(2);
        if (stride == 2) {
            return y.reshape(batch, 2, c, outHeight, half).sum(new int[]{1});
        }
        NDArray out = y.reshape(batch, 2, 2, c, outHeight, half).sum(new int[]{2}).transpose(0, 2, 3, 4, 1)
                .reshape(batch, c, outHeight, 2 * half);
        return width % 2 == 0 ? out : out.get(new NDIndex(":, :, :, :{}", width));
    }
}
