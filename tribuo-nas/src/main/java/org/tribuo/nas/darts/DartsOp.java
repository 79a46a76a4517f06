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

import org.tribuo.nas.space.CandidateOp;
import org.tribuo.nas.space.CandidateOps;

import java.util.List;

/**
 * The candidate operations of the DARTS cell, in DARTS's {@code PRIMITIVES} index order.
 * <p>
 * The names are the ones used in DARTS genotypes.
 */
public enum DartsOp implements CandidateOp {
    /** The zero operation: the edge contributes nothing. */
    NONE("none", Kind.ZERO, 0, 0),
    /** 3x3 max pooling, padding 1. */
    MAX_POOL_3X3("max_pool_3x3", Kind.POOL, 3, 1),
    /** 3x3 average pooling, padding 1, padded zeros not counted. */
    AVG_POOL_3X3("avg_pool_3x3", Kind.POOL, 3, 1),
    /** Identity, or a factorized reduction at stride 2. */
    SKIP_CONNECT("skip_connect", Kind.SKIP, 0, 0),
    /** Two stacks of ReLU, depthwise 3x3, pointwise 1x1, batch norm. */
    SEP_CONV_3X3("sep_conv_3x3", Kind.SEPARABLE_CONV, 3, 1),
    /** Two stacks of ReLU, depthwise 5x5, pointwise 1x1, batch norm. */
    SEP_CONV_5X5("sep_conv_5x5", Kind.SEPARABLE_CONV, 5, 1),
    /** ReLU, depthwise 3x3 with dilation 2, pointwise 1x1, batch norm. */
    DIL_CONV_3X3("dil_conv_3x3", Kind.DILATED_CONV, 3, 2),
    /** ReLU, depthwise 5x5 with dilation 2, pointwise 1x1, batch norm. */
    DIL_CONV_5X5("dil_conv_5x5", Kind.DILATED_CONV, 5, 2);

    /** What an op computes, as the fused edges group them. */
    public enum Kind {
        /** Contributes nothing. */
        ZERO,
        /** A 3x3 pooling (max or average). */
        POOL,
        /** Identity, or a factorized reduction at stride 2. */
        SKIP,
        /** Two stacks of ReLU, depthwise, pointwise, batch norm. */
        SEPARABLE_CONV,
        /** One stack of ReLU, dilated depthwise, pointwise, batch norm. */
        DILATED_CONV
    }

    private final String opName;
    private final Kind kind;
    private final int kernel;
    private final int dilation;

    DartsOp(String opName, Kind kind, int kernel, int dilation) {
        this.opName = opName;
        this.kind = kind;
        this.kernel = kernel;
        this.dilation = dilation;
    }

    /**
     * What the op computes.
     * @return Its kind.
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The side of its square window or kernel.
     * @return 3 or 5; 0 for the zero and skip ops.
     */
    public int kernel() {
        return kernel;
    }

    /**
     * The dilation of its depthwise kernel.
     * @return 2 for the dilated convolutions, 1 for the other windowed ops, 0 for the zero and skip ops.
     */
    public int dilation() {
        return dilation;
    }

    /**
     * The padding that keeps the spatial size at stride 1: dilation × (kernel − 1) / 2.
     * @return 1 for 3x3 pools and separable convolutions, 2 or 4 for the dilated ones.
     */
    public int padding() {
        return dilation * (kernel - 1) / 2;
    }

    /**
     * The DARTS name of this op, e.g. {@code sep_conv_3x3}.
     * @return The op name.
     */
    @Override
    public String opName() {
        return opName;
    }

    /**
     * Parses a comma separated list of op names; blank entries are skipped.
     * @param names e.g. {@code "sep_conv_3x3,skip_connect"}.
     * @return The ops, in order.
     * @throws IllegalArgumentException on an unknown name (the message lists the valid ones).
     */
    public static List<DartsOp> parseList(String names) {
        return CandidateOps.parseList(DartsOp.class, names, "DARTS");
    }

    /**
     * The ops of one kind, in the order of an op list (the fused cells lay their parameters out by it).
     * @param ops The op list.
     * @param kind The kind.
     * @return Its ops of that kind.
     */
    static List<DartsOp> ofKind(List<DartsOp> ops, Kind kind) {
        return ops.stream().filter(o -> o.kind() == kind).toList();
    }

    /**
     * Looks an op up by its DARTS name (or its enum constant name), case-insensitively.
     * @param name The op name.
     * @return The op.
     * @throws IllegalArgumentException if no op has that name; the message lists the valid names.
     */
    public static DartsOp fromName(String name) {
        return CandidateOps.fromName(DartsOp.class, name, "DARTS");
    }

    /**
     * The valid op names, for error messages.
     * @return The names, comma separated.
     */
    public static String validNames() {
        return CandidateOps.validNames(DartsOp.class);
    }

    @Override
    public String toString() {
        return opName;
    }
}
