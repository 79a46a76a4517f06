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

package org.tribuo.nas.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A way of computing a 2-d convolution that gives the same function: the engine's own kernel as
 * called, in a forced memory layout, with the channels zero-padded to the vector width, or as
 * matrix products without the engine's convolution kernels. A route's result has the caller's data
 * type; its memory layout may differ from the input's.
 */
public enum ConvRoute {
    /** The engine's kernel on the input as it comes (used when both layouts are right). */
    AS_GIVEN(false, null, false),
    /** The input made NCHW-contiguous first (a copy only when it is channels-last). */
    CONTIGUOUS(false, Layout.CONTIGUOUS, false),
    /** The input made channels-last first (a copy only when it is contiguous). */
    CHANNELS_LAST(false, Layout.CHANNELS_LAST, false),
    /** Channels per group zero-padded to a multiple of {@value #VECTOR_CHANNELS}, NCHW-contiguous; the result sliced. */
    PADDED_CONTIGUOUS(true, Layout.CONTIGUOUS, false),
    /** Channels per group zero-padded to a multiple of {@value #VECTOR_CHANNELS}, channels-last; the result sliced. */
    PADDED_CHANNELS_LAST(true, Layout.CHANNELS_LAST, false),
    /**
     * The convolution as one batched matrix product of the kernel with the input's shifted slices
     * (im2col): no convolution kernel of the engine is involved, at the cost of a copy of the
     * input per kernel position. The last resort.
     */
    UNFOLDED(false, null, true);

    /** Channel counts that are multiples of this are right on every CPU measured (16 floats = one AVX-512 vector). */
    public static final int VECTOR_CHANNELS = 16;

    private enum Layout { CONTIGUOUS, CHANNELS_LAST }

    private final boolean padded;
    private final Layout layout;
    private final boolean unfolded;

    ConvRoute(boolean padded, Layout layout, boolean unfolded) {
        this.padded = padded;
        this.layout = layout;
        this.unfolded = unfolded;
    }

    /**
     * Whether the route can compute a convolution of this signature.
     * @param signature The signature.
     * @return False for padding routes of convolutions whose channels are already multiples of
     * the vector width (padding would change nothing).
     */
    public boolean appliesTo(ConvSignature signature) {
        return !padded || !(multiple(paddedAxis(signature, true)) && multiple(paddedAxis(signature, false)));
    }

    /**
     * The convolution through this route.
     * @param x The input [B, C, H, W].
     * @param weight The kernel [O, C/groups, kH, kW].
     * @param bias The bias [O], or null.
     * @param stride The stride.
     * @param padding The padding.
     * @param dilation The dilation.
     * @param groups The groups.
     * @return The output [B, O, H', W'] in the input's data type.
     */
    public NDArray apply(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation,
                         int groups) {
        if (unfolded) {
            return unfoldedConvolution(x, weight, bias, stride, padding, dilation, groups);
        }
        if (padded) {
            return paddedConvolution(x, weight, bias, stride, padding, dilation, groups);
        }
        return convolve(arrange(x), weight, bias, stride, padding, dilation, groups);
    }

    private NDArray arrange(NDArray x) {
        if (layout == null) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        if (layout == Layout.CONTIGUOUS) {
            // Flattening C, H and W is a view of a contiguous array and a copy into NCHW order of any other.
            return x.reshape(n, c * h * w).reshape(n, c, h, w);
        }
        // The NHWC view of a channels-last array flattens without a copy; any other is copied into NHWC order.
        return x.transpose(0, 2, 3, 1).reshape(n * h * w, c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
    }

    private static NDArray convolve(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding,
                                    Shape dilation, int groups) {
        return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups).singletonOrThrow();
    }

    /**
     * Depthwise convolutions (one channel per group) pad the number of groups; any other pads the
     * channels within every group, in and out.
     */
    private NDArray paddedConvolution(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding,
                                      Shape dilation, int groups) {
        Shape xs = x.getShape();
        Shape ws = weight.getShape();
        long inPerGroup = xs.get(1) / groups;
        long outPerGroup = ws.get(0) / groups;
        if (inPerGroup == 1 && outPerGroup == 1) {
            long wide = roundUp(groups);
            NDArray y = convolve(arrange(padAxis(x, 1, wide - groups)), padAxis(weight, 0, wide - groups),
                    bias == null ? null : padAxis(bias, 0, wide - groups), stride, padding, dilation, (int) wide);
            return y.get(new NDIndex(":, 0:{}", groups));
        }
        long inWide = roundUp(inPerGroup);
        long outWide = roundUp(outPerGroup);
        long b = xs.get(0);
        NDArray xw = padAxis(x.reshape(b, groups, inPerGroup, xs.get(2), xs.get(3)), 2, inWide - inPerGroup)
                .reshape(b, groups * inWide, xs.get(2), xs.get(3));
        NDArray ww = padAxis(padAxis(weight.reshape(groups, outPerGroup, inPerGroup, ws.get(2), ws.get(3)), 2,
                inWide - inPerGroup), 1, outWide - outPerGroup).reshape(groups * outWide, inWide, ws.get(2), ws.get(3));
        NDArray bw = bias == null ? null
                : padAxis(bias.reshape(groups, outPerGroup), 1, outWide - outPerGroup).reshape(groups * outWide);
        NDArray y = convolve(arrange(xw), ww, bw, stride, padding, dilation, groups);
        Shape ys = y.getShape();
        if (outWide == outPerGroup) {
            return y;
        }
        return y.reshape(b, groups, outWide, ys.get(2), ys.get(3)).get(new NDIndex(":, :, 0:{}", outPerGroup))
                .reshape(b, groups * outPerGroup, ys.get(2), ys.get(3));
    }

    /**
     * im2col: the kernel positions' shifted, strided slices of the padded input stacked into
     * [B, G, c·kH·kW, H'·W'], multiplied by the kernel as [G, o, c·kH·kW].
     */
    private static NDArray unfoldedConvolution(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding,
                                               Shape dilation, int groups) {
        Shape xs = x.getShape();
        Shape ws = weight.getShape();
        long batch = xs.get(0);
        long kh = ws.get(2);
        long kw = ws.get(3);
        long outHeight = (xs.get(2) + 2 * padding.get(0) - dilation.get(0) * (kh - 1) - 1) / stride.get(0) + 1;
        long outWidth = (xs.get(3) + 2 * padding.get(1) - dilation.get(1) * (kw - 1) - 1) / stride.get(1) + 1;
        NDArray padded = x.pad(new Shape(padding.get(1), padding.get(1), padding.get(0), padding.get(0)), 0);
        NDList slices = new NDList();
        for (long i = 0; i < kh; i++) {
            for (long j = 0; j < kw; j++) {
                long top = i * dilation.get(0);
                long left = j * dilation.get(1);
                slices.add(padded.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", top,
                        top + (outHeight - 1) * stride.get(0) + 1, stride.get(0), left,
                        left + (outWidth - 1) * stride.get(1) + 1, stride.get(1))));
            }
        }
        long perGroup = ws.get(1) * kh * kw;
        NDArray columns = NDArrays.stack(slices, 2).reshape(batch, groups, perGroup, outHeight * outWidth);
        NDArray y = weight.reshape(groups, ws.get(0) / groups, perGroup).matMul(columns)
                .reshape(batch, ws.get(0), outHeight, outWidth);
        return bias == null ? y : y.add(bias.reshape(1, ws.get(0), 1, 1));
    }

    /** Appends {@code extra} zeros along one axis. */
    private static NDArray padAxis(NDArray a, int axis, long extra) {
        if (extra == 0) {
            return a;
        }
        int dims = a.getShape().dimension();
        // NDArray.pad takes (before, after) pairs from the last axis backwards, as torch's F.pad.
        long[] pad = new long[2 * (dims - axis)];
        pad[pad.length - 1] = extra;
        return a.pad(new Shape(pad), 0);
    }

    private static long paddedAxis(ConvSignature s, boolean in) {
        if (s.inPerGroup() == 1 && s.outPerGroup() == 1) {
            return s.groups();
        }
        return in ? s.inPerGroup() : s.outPerGroup();
    }

    private static boolean multiple(long channels) {
        return channels % VECTOR_CHANNELS == 0;
    }

    private static long roundUp(long channels) {
        return (channels + VECTOR_CHANNELS - 1) / VECTOR_CHANNELS * VECTOR_CHANNELS;
    }
}
