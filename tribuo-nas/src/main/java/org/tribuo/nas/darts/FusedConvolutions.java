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
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import java.util.List;

import static org.tribuo.nas.darts.FusedParameterOps.concat;
import static org.tribuo.nas.darts.FusedParameterOps.depthwise;
import static org.tribuo.nas.nn.SharedParameterOps.value;
import static org.tribuo.nas.nn.SharedParameterOps.weightedNorm;
import org.tribuo.nas.numerics.CheckedConvolutions;

/**
 * The convolution ops ({@code sep_conv}, {@code dil_conv}) of all the edges of one
 * {@link FusedDartsEdges}: the ReLU'd input tiled to S·E·A channels, one depthwise convolution per
 * op kind with all edges' filters, one grouped pointwise convolution over all of them (groups =
 * op kinds × edges, so every edge keeps its own [A, A] matrix) and one batch norm; the second
 * stack of the {@code sep_conv}s likewise.
 */
final class FusedConvolutions {

    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);

    private final FusedEdgeLayout layout;
    private final FusedEdgeBlocks blocks;
    private final FusedEdgeWeights edgeWeights;

    /**
     * Creates the convolutions.
     * @param layout The edges' layout.
     * @param blocks Their fused parameters.
     * @param edgeWeights Gathers their batch-norm scales.
     */
    FusedConvolutions(FusedEdgeLayout layout, FusedEdgeBlocks blocks, FusedEdgeWeights edgeWeights) {
        this.layout = layout;
        this.blocks = blocks;
        this.edgeWeights = edgeWeights;
    }

    /**
     * The sep_convs' and dil_convs' weighted outputs: the dil_convs' first (and only) stack, then
     * the sep_convs' second stack.
     * @param ps The parameter store.
     * @param relu The ReLU'd input [B, S·A, H, W].
     * @param weights The weight vector.
     * @param training Whether batch norms use and update batch statistics.
     * @return One or two pieces [B, kinds·S·E·A, H', W'].
     */
    NDList forward(ParameterStore ps, NDArray relu, NDArray weights, boolean training) {
        List<DartsOp> convs = layout.convs();
        List<DartsOp> seps = layout.seps();
        int active = layout.active();
        int edges = layout.edges();
        Device device = relu.getDevice();
        Shape in = relu.getShape();
        long batch = in.get(0);
        long width = (long) edges * active;
        NDArray tiled = relu.reshape(batch, layout.sources(), 1, (long) active * in.get(2) * in.get(3))
                .tile(new long[]{1, 1, layout.targets(), 1}).reshape(batch, width, in.get(2), in.get(3));
        NDList spatial = new NDList(convs.size());
        for (int o = 0; o < convs.size(); o++) {
            spatial.add(depthwise(ps, blocks.depthwise1().get(o), convs.get(o), tiled, layout.stride(), training));
        }
        NDArray mixed = CheckedConvolutions.conv2d(concat(spatial), value(ps, blocks.pointwise1(), "weight", device, training), null,
                UNIT, ZERO, UNIT, convs.size() * edges);
        // The sep_conv channels are intermediate (scale 1); the dil_conv channels are final (scale α·β).
        NDArray normed = weightedNorm(ps, blocks.norm1(), mixed, edgeWeights.scale("conv", weights, convs, true), training);
        NDList pieces = new NDList(2);
        long sepChannels = seps.size() * width;
        if (seps.size() < convs.size()) {
            pieces.add(seps.isEmpty() ? normed : normed.get(new NDIndex(":, {}:", sepChannels)));
        }
        if (!seps.isEmpty()) {
            NDArray first = seps.size() == convs.size() ? normed : normed.get(new NDIndex(":, :{}", sepChannels));
            NDArray activated = Activation.relu(first);
            NDList second = new NDList(seps.size());
            for (int o = 0; o < seps.size(); o++) {
                NDArray part = seps.size() == 1 ? activated
                        : activated.get(new NDIndex(":, {}:{}", o * width, (o + 1) * width));
                second.add(depthwise(ps, blocks.depthwise2().get(o), seps.get(o), part, 1, training));
            }
            NDArray mixed2 = CheckedConvolutions.conv2d(concat(second), value(ps, blocks.pointwise2(), "weight", device, training), null,
                    UNIT, ZERO, UNIT, seps.size() * edges);
            pieces.add(weightedNorm(ps, blocks.norm2(), mixed2, edgeWeights.scale("sep", weights, seps, false), training));
        }
        return pieces;
    }
}
