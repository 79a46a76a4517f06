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

package org.tribuo.nas.nb201;

import ai.djl.nn.Block;

import org.tribuo.nas.nn.ParameterFreeOp;
import org.tribuo.nas.nn.ReluConvBn;
import org.tribuo.nas.space.CandidateOp;
import org.tribuo.nas.space.CandidateOps;

/**
 * The candidate operations of the NAS-Bench-201 cell, in the benchmark's index order.
 * <p>
 * The names are the ones used in NAS-Bench-201 architecture strings.
 */
public enum Nb201Op implements CandidateOp {
    /** The zero operation: the edge contributes nothing. */
    NONE("none"),
    /** Identity. */
    SKIP_CONNECT("skip_connect"),
    /** ReLU, 1x1 convolution, batch norm. */
    NOR_CONV_1X1("nor_conv_1x1"),
    /** ReLU, 3x3 convolution (padding 1), batch norm. */
    NOR_CONV_3X3("nor_conv_3x3"),
    /** 3x3 average pooling, stride 1, padding 1, padded zeros not counted. */
    AVG_POOL_3X3("avg_pool_3x3");

    private final String opName;

    Nb201Op(String opName) {
        this.opName = opName;
    }

    /**
     * The NAS-Bench-201 name of this op, e.g. {@code nor_conv_3x3}.
     * @return The op name.
     */
    @Override
    public String opName() {
        return opName;
    }

    /**
     * Looks an op up by its NAS-Bench-201 name (or its enum constant name), case-insensitively.
     * @param name The op name.
     * @return The op.
     * @throws IllegalArgumentException if no op has that name; the message lists the valid names.
     */
    public static Nb201Op fromName(String name) {
        return CandidateOps.fromName(Nb201Op.class, name, "NAS-Bench-201");
    }

    /**
     * The valid op names, for error messages.
     * @return The names, comma separated.
     */
    public static String validNames() {
        return CandidateOps.validNames(Nb201Op.class);
    }

    @Override
    public String toString() {
        return opName;
    }

    /**
     * The block computing this op at stride 1.
     * @param channels Channels in and out.
     * @param affine Whether batch norms learn scale and shift.
     * @return The block.
     * @throws IllegalArgumentException for {@code none}, which has no block (callers skip it).
     */
    public Block block(int channels, boolean affine) {
        switch (this) {
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
                throw new IllegalArgumentException("op '" + opName() + "' has no block; skip it");
        }
    }
}
