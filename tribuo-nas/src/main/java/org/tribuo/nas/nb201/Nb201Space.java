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

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * The NAS-Bench-201 cell search space: a complete DAG over four nodes (node 0 is the cell
 * input, node 3 its output), so six edges, each choosing one of a set of candidate ops.
 * <p>
 * Edges are indexed as in NAS-Bench-201: {@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2}.
 * By default the candidate set excludes {@link Nb201Op#NONE}, as GAEA's reference
 * configuration does ({@code exclude_zero=true}).
 */
public final class Nb201Space {

    /** Number of nodes in a cell, including the input node. */
    public static final int NUM_NODES = 4;
    /** Number of edges in a cell. */
    public static final int NUM_EDGES = NUM_NODES * (NUM_NODES - 1) / 2;

    private static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};
    private static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};

    private final List<Nb201Op> ops;

    /**
     * Creates a space with the given candidate ops, in the given order (their index in the
     * architecture matrix columns).
     * @param ops The candidate ops: at least one, no duplicates.
     * @throws IllegalArgumentException if the list is empty or has duplicates.
     */
    public Nb201Space(List<Nb201Op> ops) {
        Objects.requireNonNull(ops, "ops");
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("the search space needs at least one candidate op");
        }
        if (EnumSet.copyOf(ops).size() != ops.size()) {
            throw new IllegalArgumentException("duplicate op in the candidate list " + ops);
        }
        this.ops = Collections.unmodifiableList(new ArrayList<>(ops));
    }

    /**
     * The reference space: every op except {@code none}.
     * @return The default space.
     */
    public static Nb201Space withoutNone() {
        return new Nb201Space(List.of(Nb201Op.SKIP_CONNECT, Nb201Op.NOR_CONV_1X1,
                Nb201Op.NOR_CONV_3X3, Nb201Op.AVG_POOL_3X3));
    }

    /**
     * The full NAS-Bench-201 space, {@code none} included.
     * @return The full space.
     */
    public static Nb201Space full() {
        return new Nb201Space(List.of(Nb201Op.values()));
    }

    /**
     * Parses a comma separated list of op names.
     * @param names e.g. {@code "skip_connect,nor_conv_1x1,nor_conv_3x3,avg_pool_3x3"}.
     * @return The space.
     * @throws IllegalArgumentException on an unknown name, a duplicate or an empty list.
     */
    public static Nb201Space parseOps(String names) {
        List<Nb201Op> ops = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                ops.add(Nb201Op.fromName(name));
            }
        }
        return new Nb201Space(ops);
    }

    /**
     * The candidate ops in column order.
     * @return An unmodifiable list.
     */
    public List<Nb201Op> ops() {
        return ops;
    }

    /**
     * Number of candidate ops (columns of the architecture matrix).
     * @return The op count.
     */
    public int numOps() {
        return ops.size();
    }

    /**
     * The target node of an edge.
     * @param edge The edge index.
     * @return The node the edge feeds.
     */
    public static int edgeTo(int edge) {
        return EDGE_TO[edge];
    }

    /**
     * The source node of an edge.
     * @param edge The edge index.
     * @return The node the edge reads.
     */
    public static int edgeFrom(int edge) {
        return EDGE_FROM[edge];
    }

    /**
     * The index of the edge {@code to <- from}.
     * @param to The target node (1..3).
     * @param from The source node (0..to-1).
     * @return The edge index.
     */
    public static int edgeIndex(int to, int from) {
        if (to < 1 || to >= NUM_NODES || from < 0 || from >= to) {
            throw new IllegalArgumentException("no edge " + to + "<-" + from + " in a NAS-Bench-201 cell");
        }
        return to * (to - 1) / 2 + from;
    }

    /**
     * The ops joined by commas, as accepted by {@link #parseOps(String)}.
     * @return The op list string.
     */
    public String opsString() {
        StringBuilder sb = new StringBuilder();
        for (Nb201Op op : ops) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(op.opName());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nb201Space && ((Nb201Space) o).ops.equals(ops);
    }

    @Override
    public int hashCode() {
        return ops.hashCode();
    }

    @Override
    public String toString() {
        return "NAS-Bench-201(" + opsString() + ")";
    }
}
