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

import ai.djl.nn.Block;

import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.nn.ParameterFreeOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the block of a DARTS op (DARTS's {@code OPS} table). Every op keeps the channel count;
 * at stride 2 it halves the resolution.
 */
public final class DartsOps {

    private DartsOps() {}

    /**
     * The op as the search network runs it: non-affine batch norms, and a non-affine batch norm
     * after each pool (DARTS's {@code MixedOp}).
     * @param op The op.
     * @param channels Channels in and out.
     * @param stride 1 or 2.
     * @return The block.
     */
    public static Block searchOp(DartsOp op, int channels, int stride) {
        return create(op, channels, stride, false, true);
    }

    /**
     * A mixed edge of the DARTS supernet: {@link MixedOp} over the ops as the search runs them,
     * the zero op skipped, the output strided like the edge.
     * @param ops The candidate ops, in α's column order.
     * @param channels Channels in and out.
     * @param stride 1 or 2.
     * @param row The edge's α row.
     * @return The edge.
     */
    public static MixedOp mixedEdge(List<DartsOp> ops, int channels, int stride, int row) {
        List<String> names = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (DartsOp op : ops) {
            names.add(op.opName());
            blocks.add(op == DartsOp.NONE ? null : searchOp(op, channels, stride));
        }
        return new MixedOp(names, blocks, row, shape -> DartsCellLayout.strided(shape, shape.get(1), stride));
    }

    /**
     * The op as the discrete network runs it: affine batch norms, pools without batch norm.
     * @param op The op.
     * @param channels Channels in and out.
     * @param stride 1 or 2.
     * @return The block.
     */
    public static Block networkOp(DartsOp op, int channels, int stride) {
        return create(op, channels, stride, true, false);
    }

    /**
     * Whether an op is the identity, which drop-path leaves alone.
     * @param op The op.
     * @param stride Its stride.
     * @return True for {@code skip_connect} at stride 1.
     */
    public static boolean isIdentity(DartsOp op, int stride) {
        return op == DartsOp.SKIP_CONNECT && stride == 1;
    }

    /**
     * The block of an op.
     * @param op The op.
     * @param channels Channels in and out.
     * @param stride 1 or 2.
     * @param affine Whether batch norms learn a scale and shift.
     * @param poolNorm Whether pools are followed by a non-affine batch norm.
     * @return The block.
     */
    public static Block create(DartsOp op, int channels, int stride, boolean affine, boolean poolNorm) {
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("DARTS ops have stride 1 or 2, got " + stride);
        }
        return switch (op.kind()) {
            case ZERO -> new ZeroOp(stride);
            case POOL -> new PoolOp(op == DartsOp.MAX_POOL_3X3, stride, poolNorm);
            case SKIP -> stride == 1 ? new ParameterFreeOp(ParameterFreeOp.Kind.IDENTITY) : new FactorizedReduce(channels, affine);
            case SEPARABLE_CONV -> new SepConv(channels, op.kernel(), stride, affine);
            case DILATED_CONV -> new DepthwiseSeparableConv(channels, channels, op.kernel(), stride, op.padding(),
                    op.dilation(), affine);
        };
    }
}
