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

import org.tribuo.nas.space.CandidateOps;
import org.tribuo.nas.space.CompleteDag;

import java.util.List;

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
    public static final int NUM_EDGES = CompleteDag.edges(NUM_NODES);

    private final List<Nb201Op> ops;

    /**
     * Creates a space with the given candidate ops, in the given order (their index in the
     * architecture matrix columns).
     * @param ops The candidate ops: at least one, no duplicates.
     * @throws IllegalArgumentException if the list is empty or has duplicates.
     */
    public Nb201Space(List<Nb201Op> ops) {
        this.ops = CandidateOps.checked(ops, Nb201SearchSpace.FAMILY);
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
        return new Nb201Space(CandidateOps.parseList(Nb201Op.class, names, Nb201SearchSpace.FAMILY));
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
        return CompleteDag.to(edge);
    }

    /**
     * The source node of an edge.
     * @param edge The edge index.
     * @return The node the edge reads.
     */
    public static int edgeFrom(int edge) {
        return CompleteDag.from(edge);
    }

    /**
     * The index of the edge {@code to <- from}.
     * @param to The target node (1..3).
     * @param from The source node (0..to-1).
     * @return The edge index.
     */
    public static int edgeIndex(int to, int from) {
        return CompleteDag.index(NUM_NODES, to, from, Nb201SearchSpace.FAMILY);
    }

    /**
     * The ops joined by commas, as accepted by {@link #parseOps(String)}.
     * @return The op list string.
     */
    public String opsString() {
        return CandidateOps.joined(ops, ",");
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
