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

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.Layers;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter blocks of one {@link FusedDartsEdges}, each holding all its edges' parameters of
 * one op stage, channel blocks as in {@link FusedEdgeLayout}. A stage whose op is not a candidate
 * is null (an empty list for the depthwise convolutions).
 * @param depthwise1 The first depthwise convolution of each convolution op (sep_convs, then dil_convs).
 * @param pointwise1 The grouped pointwise convolution after them.
 * @param norm1 The batch norm after it.
 * @param depthwise2 The second depthwise convolution of each sep_conv.
 * @param pointwise2 The grouped pointwise convolution after them.
 * @param norm2 The batch norm after it.
 * @param poolNorm The batch norm after the pools.
 * @param reduceA The first half of the factorized reduction (skip_connect at stride 2).
 * @param reduceB Its second half.
 * @param reduceNorm The batch norm after it.
 */
record FusedEdgeBlocks(List<Conv2d> depthwise1, Conv2d pointwise1, BatchNorm norm1, List<Conv2d> depthwise2,
                       Conv2d pointwise2, BatchNorm norm2, BatchNorm poolNorm, Conv2d reduceA, Conv2d reduceB,
                       BatchNorm reduceNorm) {

    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);

    /**
     * Builds the blocks a layout needs.
     * @param layout The layout.
     * @return The blocks.
     */
    static FusedEdgeBlocks create(FusedEdgeLayout layout) {
        int width = layout.edges() * layout.active();
        List<DartsOp> convs = layout.convs();
        List<DartsOp> seps = layout.seps();
        int edges = layout.edges();
        List<Conv2d> depthwise1 = new ArrayList<>();
        for (DartsOp op : convs) {
            depthwise1.add(depthwiseConv(op, width, layout.stride()));
        }
        List<Conv2d> depthwise2 = new ArrayList<>();
        for (DartsOp op : seps) {
            depthwise2.add(depthwiseConv(op, width, 1));
        }
        boolean reduces = layout.reduces();
        return new FusedEdgeBlocks(List.copyOf(depthwise1),
                convs.isEmpty() ? null : pointwise(convs.size() * width, convs.size() * edges),
                convs.isEmpty() ? null : Layers.batchNorm(false),
                List.copyOf(depthwise2),
                seps.isEmpty() ? null : pointwise(seps.size() * width, seps.size() * edges),
                seps.isEmpty() ? null : Layers.batchNorm(false),
                layout.pools().isEmpty() ? null : Layers.batchNorm(false),
                reduces ? halfReduction(width / 2, layout.sources()) : null,
                reduces ? halfReduction(width / 2, layout.sources()) : null,
                reduces ? Layers.batchNorm(false) : null);
    }

    private static Conv2d depthwiseConv(DartsOp op, int channels, int stride) {
        int k = op.kernel();
        int d = op.dilation();
        return CheckedConv2d.of(Conv2d.builder().setKernelShape(new Shape(k, k)).setFilters(channels).optGroups(channels)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(op.padding(), op.padding()))
                .optDilation(new Shape(d, d)).optBias(false));
    }

    private static Conv2d pointwise(int channels, int groups) {
        return CheckedConv2d.of(Conv2d.builder().setKernelShape(UNIT).setFilters(channels).optGroups(groups).optBias(false));
    }

    private static Conv2d halfReduction(int filters, int groups) {
        return CheckedConv2d.of(Conv2d.builder().setKernelShape(UNIT).setFilters(filters).optGroups(groups).optStride(TWO).optBias(false)
                );
    }

    /**
     * The blocks that exist, named, in the order the owner adds them as children (the order and
     * names make the parameter names of checkpoints).
     * @param layout The layout they were built for.
     * @return (name, block) pairs.
     */
    PairList<String, Block> children(FusedEdgeLayout layout) {
        PairList<String, Block> children = new PairList<>();
        for (int o = 0; o < depthwise1.size(); o++) {
            children.add("dw1_" + layout.convs().get(o).opName(), depthwise1.get(o));
        }
        addIfPresent(children, "pw1", pointwise1);
        addIfPresent(children, "bn1", norm1);
        for (int o = 0; o < depthwise2.size(); o++) {
            children.add("dw2_" + layout.seps().get(o).opName(), depthwise2.get(o));
        }
        addIfPresent(children, "pw2", pointwise2);
        addIfPresent(children, "bn2", norm2);
        addIfPresent(children, "bn_pool", poolNorm);
        addIfPresent(children, "fr_1", reduceA);
        addIfPresent(children, "fr_2", reduceB);
        addIfPresent(children, "bn_fr", reduceNorm);
        return children;
    }

    private static void addIfPresent(PairList<String, Block> children, String name, Block block) {
        if (block != null) {
            children.add(name, block);
        }
    }

    /**
     * Initializes every block for an input.
     * @param manager The manager of the parameters.
     * @param dataType Their data type.
     * @param layout The layout.
     * @param a The input shape [B, S·A, H, W].
     */
    void initialize(NDManager manager, DataType dataType, FusedEdgeLayout layout, Shape a) {
        if (a.get(1) != (long) layout.sources() * layout.active()) {
            throw new IllegalArgumentException("fused DARTS edges built for " + layout.sources() + " × "
                    + layout.active() + " channels got an input " + a);
        }
        long batch = a.get(0);
        Shape out = DartsCellLayout.strided(a, layout.active(), layout.stride());
        long width = (long) layout.edges() * layout.active();
        Shape tiled = new Shape(batch, width, a.get(2), a.get(3));
        for (Conv2d conv : depthwise1) {
            conv.initialize(manager, dataType, tiled);
        }
        if (pointwise1 != null) {
            Shape joined = new Shape(batch, layout.convs().size() * width, out.get(2), out.get(3));
            pointwise1.initialize(manager, dataType, joined);
            norm1.initialize(manager, dataType, joined);
        }
        Shape outTiled = new Shape(batch, width, out.get(2), out.get(3));
        for (Conv2d conv : depthwise2) {
            conv.initialize(manager, dataType, outTiled);
        }
        if (pointwise2 != null) {
            Shape joined = new Shape(batch, layout.seps().size() * width, out.get(2), out.get(3));
            pointwise2.initialize(manager, dataType, joined);
            norm2.initialize(manager, dataType, joined);
        }
        if (poolNorm != null) {
            poolNorm.initialize(manager, dataType, new Shape(batch, layout.pools().size() * width, out.get(2), out.get(3)));
        }
        if (reduceA != null) {
            DartsCellLayout.checkEven(a, "a strided skip_connect (factorized reduction)");
            reduceA.initialize(manager, dataType, a);
            reduceB.initialize(manager, dataType, a);
            reduceNorm.initialize(manager, dataType, outTiled);
        }
    }
}
