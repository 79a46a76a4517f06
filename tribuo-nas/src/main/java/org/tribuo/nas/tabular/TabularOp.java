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

package org.tribuo.nas.tabular;

import org.tribuo.nas.space.CandidateOp;
import org.tribuo.nas.space.CandidateOps;

import java.util.List;

/**
 * The candidate operations of a tabular cell edge. Every op maps a hidden vector of width W to
 * one of width W, so the outputs of a node's incoming edges can be summed.
 * <p>
 * The dense ops are pre-activation blocks (ReLU first, batch norm last), as NAS-Bench-201's
 * {@code nor_conv} ops and pre-activation ResNets: each edge output is normalized, so the sum of a
 * node's edges stays well scaled whatever the architecture weights are. Linear layers feeding a
 * batch norm have no bias (the norm's shift replaces it).
 */
public enum TabularOp implements CandidateOp {
    /** The zero operation: the edge contributes nothing (prunes the edge). */
    NONE("none"),
    /** Identity: a residual connection. */
    SKIP_CONNECT("skip_connect"),
    /** ReLU, Linear W→W, batch norm: a full-width dense layer. */
    DENSE("dense"),
    /**
     * ReLU, Linear W→W/{@value #BOTTLENECK_FACTOR}, batch norm, ReLU, Linear →W, batch norm: a
     * low-rank (bottleneck) dense block with 1/2 the parameters of {@link #DENSE}.
     */
    DENSE_BOTTLENECK("dense_bottleneck"),
    /** ReLU, dropout (rate {@value #DROPOUT_RATE}) in training, Linear W→W, batch norm. */
    DENSE_DROPOUT("dense_dropout");

    /** The bottleneck width of {@link #DENSE_BOTTLENECK} is {@code max(1, W / BOTTLENECK_FACTOR)}. */
    public static final int BOTTLENECK_FACTOR = 4;
    /** The dropout rate of {@link #DENSE_DROPOUT}. */
    public static final float DROPOUT_RATE = 0.2f;

    private final String opName;

    TabularOp(String opName) {
        this.opName = opName;
    }

    /**
     * The name of this op in genotype strings and configurations, e.g. {@code dense_bottleneck}.
     * @return The op name.
     */
    @Override
    public String opName() {
        return opName;
    }

    /**
     * Looks an op up by its tabular name (or its enum constant name), case-insensitively.
     * @param name The op name.
     * @return The op.
     * @throws IllegalArgumentException if no op has that name; the message lists the valid names.
     */
    public static TabularOp fromName(String name) {
        return CandidateOps.fromName(TabularOp.class, name, "tabular");
    }

    /**
     * Parses a comma separated list of op names; blank entries are skipped.
     * @param names e.g. {@code "skip_connect,dense"}.
     * @return The ops, in order.
     * @throws IllegalArgumentException on an unknown name (the message lists the valid ones).
     */
    public static List<TabularOp> parseList(String names) {
        return CandidateOps.parseList(TabularOp.class, names, "tabular");
    }

    /**
     * The valid op names, for error messages.
     * @return The names, comma separated.
     */
    public static String validNames() {
        return CandidateOps.validNames(TabularOp.class);
    }

    @Override
    public String toString() {
        return opName;
    }
}
