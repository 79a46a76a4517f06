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

package org.tribuo.nas.darts;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

import org.tribuo.nas.nn.DepthwiseConvolution;

/**
 * The computations of {@link FusedDartsEdges} on its shared parameters: a parameter's value,
 * slices of it for one edge, batch norms on slices or with a gathered scale, depthwise
 * convolutions and DARTS's factorized reduction for many edges at once.
 */
final class FusedParameterOps {

    /** The batch-norm momentum of {@link org.tribuo.nas.nn.Layers#batchNorm(boolean)} (DJL's default). */
    static final float BN_MOMENTUM = 0.9f;
    /** The batch-norm epsilon of {@link org.tribuo.nas.nn.Layers#batchNorm(boolean)}. */
    static final float BN_EPSILON = 1e-5f;

    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);
    private static final Shape TWO = new Shape(2, 2);

    private FusedParameterOps() {}

    /**
     * A depthwise convolution of {@code x} with the block's (all edges') filters, in the form that
     * keeps oneDNN on its direct kernels ({@link DepthwiseConvolution}).
     */
    static NDArray depthwise(ParameterStore ps, Conv2d conv, DartsOp op, NDArray x, int stride, boolean training) {
        return DepthwiseConvolution.depthwise(x, value(ps, conv, "weight", x.getDevice(), training), stride, op.dilation());
    }

    /**
     * DARTS's factorized reduction of the (already ReLU'd) input for E edges: two stride-2 1x1
     * convolutions, the second on the input shifted by a pixel, each edge's halves side by side.
     */
    static NDArray factorizedReduction(ParameterStore ps, NDArray relu, int edges, int groups, Conv2d convA,
                                       Conv2d convB, boolean training) {
        Device device = relu.getDevice();
        return factorizedReduction(relu, edges, groups, value(ps, convA, "weight", device, training),
                value(ps, convB, "weight", device, training));
    }

    /** The factorized reduction with given kernels; {@code groups} sources side by side in the input. */
    static NDArray factorizedReduction(NDArray relu, int edges, int groups, NDArray kernelA, NDArray kernelB) {
        NDArray first = Conv2d.conv2d(relu, kernelA, null, TWO, ZERO, UNIT, groups).singletonOrThrow();
        NDArray second = Conv2d.conv2d(relu.get(":, :, 1:, 1:"), kernelB, null, TWO, ZERO, UNIT, groups)
                .singletonOrThrow();
        Shape s = first.getShape();
        long half = s.get(1) / edges;
        Shape perEdge = new Shape(s.get(0), edges, half, s.get(2), s.get(3));
        return NDArrays.stack(new NDList(first.reshape(perEdge), second.reshape(perEdge)), 2)
                .reshape(s.get(0), 2 * s.get(1), s.get(2), s.get(3));
    }

    static NDArray concat(NDList arrays) {
        return arrays.size() == 1 ? arrays.get(0) : NDArrays.concat(arrays, 1);
    }

    /** Non-affine batch norm (the block's running statistics, zero shift) with the given per-channel scale. */
    static NDArray weightedNorm(ParameterStore ps, BatchNorm norm, NDArray x, NDArray scale, boolean training) {
        Device device = x.getDevice();
        return BatchNorm.batchNorm(x, value(ps, norm, "runningMean", device, training),
                        value(ps, norm, "runningVar", device, training), scale,
                        value(ps, norm, "beta", device, training), 1, BN_MOMENTUM, BN_EPSILON, training)
                .singletonOrThrow();
    }

    /** Batch norm on the channels [from, from+count) of a norm's parameters (views: running statistics land in them). */
    static NDArray sliceNorm(ParameterStore ps, BatchNorm norm, NDArray x, long from, long count, boolean training) {
        return BatchNorm.batchNorm(x, slice(ps, norm, x, "runningMean", from, count, training),
                        slice(ps, norm, x, "runningVar", from, count, training), slice(ps, norm, x, "gamma", from, count, training),
                        slice(ps, norm, x, "beta", from, count, training), 1, BN_MOMENTUM, BN_EPSILON, training)
                .singletonOrThrow();
    }

    private static NDArray slice(ParameterStore ps, BatchNorm norm, NDArray x, String name, long from, long count,
                                 boolean training) {
        NDArray value = ps.getValue(norm.getParameters().get(name), x.getDevice(), training);
        return value.get(new NDIndex("{}:{}", from, from + count));
    }

    /** Rows [from, from+count) of a convolution's kernel. */
    static NDArray slice(ParameterStore ps, Conv2d conv, Device device, long from, long count, boolean training) {
        return value(ps, conv, "weight", device, training).get(new NDIndex("{}:{}", from, from + count));
    }

    static NDArray value(ParameterStore ps, Block block, String name, Device device, boolean training) {
        Parameter parameter = block.getParameters().get(name);
        return ps.getValue(parameter, device, training);
    }
}
