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

import org.tribuo.nas.nn.ParameterFreeOp;

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
        switch (op) {
            case NONE:
                return new ZeroOp(stride);
            case MAX_POOL_3X3:
                return new PoolOp(true, stride, poolNorm);
            case AVG_POOL_3X3:
                return new PoolOp(false, stride, poolNorm);
            case SKIP_CONNECT:
                return stride == 1 ? new ParameterFreeOp(ParameterFreeOp.Kind.IDENTITY) : new FactorizedReduce(channels, affine);
            case SEP_CONV_3X3:
                return new SepConv(channels, 3, stride, affine);
            case SEP_CONV_5X5:
                return new SepConv(channels, 5, stride, affine);
            case DIL_CONV_3X3:
                return new DepthwiseSeparableConv(channels, channels, 3, stride, 2, 2, affine);
            case DIL_CONV_5X5:
                return new DepthwiseSeparableConv(channels, channels, 5, stride, 4, 2, affine);
            default:
                throw new IllegalArgumentException("unknown DARTS op " + op);
        }
    }
}
