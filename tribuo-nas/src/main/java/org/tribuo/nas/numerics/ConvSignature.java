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

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import java.util.Locale;

/**
 * What decides whether the engine computes a 2-d convolution right: its channels, kernel, stride,
 * padding, dilation, groups, input size, which gradients are taken, data type, device and thread
 * count. The memory layout is not part of it: a check tries both layouts (see {@link ConvRoute}).
 * The batch size is not part of it either; the check runs a small batch.
 *
 * @param inChannels Input channels.
 * @param outChannels Output channels (filters).
 * @param kernelHeight Kernel height.
 * @param kernelWidth Kernel width.
 * @param stride Stride (height, width).
 * @param padding Zero padding (height, width).
 * @param dilation Dilation (height, width).
 * @param groups Groups.
 * @param height Input height.
 * @param width Input width.
 * @param bias Whether the convolution adds a bias.
 * @param inputGradient Whether the input's gradient is taken.
 * @param weightGradient Whether the weight's (and bias') gradient is taken.
 * @param dataType The data type.
 * @param device The device.
 * @param threads The engine's intra-op threads.
 */
public record ConvSignature(long inChannels, long outChannels, long kernelHeight, long kernelWidth, Shape stride,
                            Shape padding, Shape dilation, int groups, long height, long width, boolean bias,
                            boolean inputGradient, boolean weightGradient, DataType dataType, Device device,
                            int threads) {

    /**
     * The signature of one call.
     * @param x The input [B, C, H, W].
     * @param weight The kernel [O, C/groups, kH, kW].
     * @param bias The bias [O], or null.
     * @param stride The stride.
     * @param padding The padding.
     * @param dilation The dilation.
     * @param groups The groups.
     * @return The signature.
     */
    public static ConvSignature of(NDArray x, NDArray weight, NDArray bias, Shape stride, Shape padding,
                                   Shape dilation, int groups) {
        Shape xs = x.getShape();
        Shape ws = weight.getShape();
        if (xs.dimension() != 4 || ws.dimension() != 4) {
            throw new IllegalArgumentException("a 2-d convolution needs a 4-d input and kernel, got input " + xs
                    + " and kernel " + ws);
        }
        // DJL reports no gradient for arrays computed inside a GradientCollector (only leaves that asked
        // for one), so a call under autograd is taken to need both gradients.
        boolean training = JniUtils.isGradMode() || x.hasGradient() || weight.hasGradient();
        return new ConvSignature(xs.get(1), ws.get(0), ws.get(2), ws.get(3), stride, padding, dilation, groups,
                xs.get(2), xs.get(3), bias != null, training, training, x.getDataType(), x.getDevice(),
                JniUtils.getNumThreads());
    }

    /**
     * The signature with both gradients taken: what a check measures, once for every call of
     * this shape whichever gradients it takes.
     * @return This signature, differentiated in the input and the weight.
     */
    public ConvSignature measuredShape() {
        return new ConvSignature(inChannels, outChannels, kernelHeight, kernelWidth, stride, padding, dilation, groups,
                height, width, bias, true, true, dataType, device, threads);
    }

    /**
     * Input channels per group.
     * @return {@code inChannels / groups}.
     */
    public long inPerGroup() {
        return inChannels / groups;
    }

    /**
     * Output channels per group.
     * @return {@code outChannels / groups}.
     */
    public long outPerGroup() {
        return outChannels / groups;
    }

    /**
     * A short human-readable form, e.g. {@code 24→24 3×3 s1 p1 d1 g1 @8×8 dX dW float32 cpu() 2t}.
     * @return The description.
     */
    public String describe() {
        return String.format(Locale.ROOT, "%d→%d %d×%d s%s p%s d%s g%d @%d×%d%s%s%s %s %s %dt", inChannels, outChannels,
                kernelHeight, kernelWidth, pair(stride), pair(padding), pair(dilation), groups, height, width,
                bias ? " +b" : "", inputGradient ? " dX" : "", weightGradient ? " dW" : "",
                dataType.name().toLowerCase(Locale.ROOT), device, threads);
    }

    private static String pair(Shape s) {
        return s.get(0) == s.get(1) ? Long.toString(s.get(0)) : s.get(0) + "," + s.get(1);
    }
}
