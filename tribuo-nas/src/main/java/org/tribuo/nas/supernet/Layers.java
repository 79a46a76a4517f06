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

package org.tribuo.nas.supernet;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;

import org.tribuo.nas.space.Nb201Op;

/**
 * Factories for the layers the networks are built from.
 */
public final class Layers {

    /** The epsilon of every batch norm (PyTorch's default). */
    public static final float BATCH_NORM_EPSILON = 1e-5f;

    private Layers() {}

    /**
     * A 2-d batch norm over axis 1; {@code affine=false} fixes the scale at 1 and the shift at 0,
     * as PyTorch's {@code BatchNorm2d(affine=False)}. Running statistics are always tracked.
     * @param affine Whether scale and shift are learned.
     * @return The block.
     */
    public static BatchNorm batchNorm(boolean affine) {
        return BatchNorm.builder().optCenter(affine).optScale(affine).optEpsilon(BATCH_NORM_EPSILON).build();
    }

    /**
     * The block computing one NAS-Bench-201 op at stride 1.
     * @param op The op; {@link Nb201Op#NONE} has no block (callers skip it).
     * @param channels Channels in and out.
     * @param affine Whether batch norms learn scale and shift.
     * @return The block.
     * @throws IllegalArgumentException for {@code none}.
     */
    public static Block nb201Op(Nb201Op op, int channels, boolean affine) {
        switch (op) {
            case SKIP_CONNECT:
                return new ParameterFreeOp(ParameterFreeOp.Kind.IDENTITY);
            case AVG_POOL_3X3:
                return new ParameterFreeOp(ParameterFreeOp.Kind.AVG_POOL_3X3);
            case NOR_CONV_1X1:
                return new ReluConvBn(channels, 1, 1, 0, affine);
            case NOR_CONV_3X3:
                return new ReluConvBn(channels, 3, 1, 1, affine);
            case NONE:
            default:
                throw new IllegalArgumentException("op '" + op.opName() + "' has no block; skip it");
        }
    }
}
