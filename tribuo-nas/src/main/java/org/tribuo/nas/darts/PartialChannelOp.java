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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.MixedOp;

import java.util.List;

/**
 * A PC-DARTS partial-channel edge: the {@link DartsOps#mixedEdge mixed edge} runs on the first C/K channels only,
 * the rest bypass it (max-pooled 2x2 when the edge is strided), and the two parts are
 * concatenated and {@link ChannelShuffle channel-shuffled} with K groups.
 * <p>
 * Inputs: {@code x} [B, C, H, W] and the α row [numOps]; output [B, C, H/stride, W/stride].
 */
public final class PartialChannelOp extends AbstractBlock {

    private static final Shape TWO = new Shape(2, 2);
    private static final Shape ZERO = new Shape(0, 0);

    private final int partialChannels;
    private final int stride;
    private final int active;
    private final MixedOp mixed;

    /**
     * Creates the edge.
     * @param ops The candidate ops, in α's column order.
     * @param channels C, the channels in and out; K must divide it.
     * @param partialChannels K.
     * @param stride 1 or 2.
     * @param row The edge's global α row.
     */
    public PartialChannelOp(List<DartsOp> ops, int channels, int partialChannels, int stride, int row) {
        if (partialChannels <= 0 || channels % partialChannels != 0) {
            throw new IllegalArgumentException("partialChannels K=" + partialChannels + " must divide the " + channels
                    + " channels of the edge");
        }
        this.partialChannels = partialChannels;
        this.stride = stride;
        this.active = channels / partialChannels;
        this.mixed = addChildBlock("mixed", DartsOps.mixedEdge(ops, active, stride, row));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray processed = mixed.forward(ps, new NDList(x.get(new NDIndex(":, :{}", active)), inputs.get(1)), training, params)
                .singletonOrThrow();
        NDArray bypass = x.get(new NDIndex(":, {}:", active));
        if (stride == 2) {
            bypass = Pool.maxPool2d(bypass, TWO, TWO, ZERO, false);
        }
        return new NDList(ChannelShuffle.shuffle(NDArrays.concat(new NDList(processed, bypass), 1), partialChannels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.strided(inputShapes[0], inputShapes[0].get(1), stride)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        if (x.get(1) != (long) active * partialChannels) {
            throw new IllegalArgumentException("partial-channel edge built for " + active * partialChannels
                    + " channels got " + x.get(1));
        }
        if (stride == 2) {
            DartsCellLayout.checkEven(x, "a strided partial-channel edge");
        }
        mixed.initialize(manager, dataType, new Shape(x.get(0), active, x.get(2), x.get(3)), inputShapes[1]);
    }
}
