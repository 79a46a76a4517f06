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
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

import org.tribuo.nas.nn.DepthwiseConvolution;
import org.tribuo.nas.nn.SharedParameterOps;

import static org.tribuo.nas.nn.SharedParameterOps.value;
import org.tribuo.nas.numerics.CheckedConvolutions;

/**
 * The DARTS-specific computations of {@link FusedDartsEdges} on its shared parameters: depthwise
 * convolutions and DARTS's factorized reduction for many edges at once (the parameter values,
 * slices and batch norms shared with the NAS-Bench-201 fused cell are in {@link SharedParameterOps}).
 */
final class FusedParameterOps {

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
        NDArray first = CheckedConvolutions.conv2d(relu, kernelA, null, TWO, ZERO, UNIT, groups);
        NDArray second = CheckedConvolutions.conv2d(relu.get(":, :, 1:, 1:"), kernelB, null, TWO, ZERO, UNIT, groups);
        Shape s = first.getShape();
        long half = s.get(1) / edges;
        Shape perEdge = new Shape(s.get(0), edges, half, s.get(2), s.get(3));
        return NDArrays.stack(new NDList(first.reshape(perEdge), second.reshape(perEdge)), 2)
                .reshape(s.get(0), 2 * s.get(1), s.get(2), s.get(3));
    }

    static NDArray concat(NDList arrays) {
        return arrays.size() == 1 ? arrays.get(0) : NDArrays.concat(arrays, 1);
    }
}
