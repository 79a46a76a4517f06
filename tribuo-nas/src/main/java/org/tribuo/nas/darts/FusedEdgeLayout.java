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

import java.util.ArrayList;
import java.util.List;

/**
 * Where everything sits for one {@link FusedDartsEdges}: its edges (ordered source, target), the
 * op groups its fused parameters are laid out by, and the positions in the caller's weight
 * vector ({@code [α·β, β, 1]}) of every edge's weights.
 * <p>
 * Channel blocks of the fused parameters are ordered (op kind, source, target, channel)
 * everywhere: within a group of ops, op {@code o} of edge {@code e} owns the A channels from
 * {@code (o·E + e)·A}.
 */
final class FusedEdgeLayout {

    private final List<DartsOp> ops;
    private final int active;
    private final int edges;
    private final int sources;
    private final int targets;
    private final int stride;
    /** The global α row of each edge, ordered (source, target). */
    private final int[] rows;
    private final long oneOffset;
    private final List<DartsOp> pools;
    private final List<DartsOp> seps;
    private final List<DartsOp> convs;
    private final boolean skip;

    /**
     * Creates the layout.
     * @param ops The candidate ops, in α's column order.
     * @param active A, the channels the ops run on (C/K).
     * @param stride 1, or 2 for the edges from the inputs of a reduction cell.
     * @param sources S, the states read (1, or 2 for the two cell inputs).
     * @param rows The global α row of each edge, ordered (source, target).
     * @param oneOffset Where the constant 1 sits in the weight vector (after the α·β and β entries).
     */
    FusedEdgeLayout(List<DartsOp> ops, int active, int stride, int sources, int[] rows, long oneOffset) {
        if (sources < 1 || rows.length % sources != 0) {
            throw new IllegalArgumentException(rows.length + " edges do not split over " + sources + " sources");
        }
        this.ops = List.copyOf(ops);
        this.active = active;
        this.edges = rows.length;
        this.sources = sources;
        this.targets = rows.length / sources;
        this.stride = stride;
        this.rows = rows.clone();
        this.oneOffset = oneOffset;
        this.pools = DartsOp.ofKind(this.ops, DartsOp.Kind.POOL);
        this.seps = DartsOp.ofKind(this.ops, DartsOp.Kind.SEPARABLE_CONV);
        this.convs = convolutions(this.ops);
        this.skip = this.ops.contains(DartsOp.SKIP_CONNECT);
    }

    /**
     * The convolution ops in the order of the fused parameters: the sep_convs, then the
     * dil_convs, so that each group is a contiguous channel range.
     * @param ops The op list.
     * @return Its convolutions.
     */
    static List<DartsOp> convolutions(List<DartsOp> ops) {
        List<DartsOp> convs = new ArrayList<>(DartsOp.ofKind(ops, DartsOp.Kind.SEPARABLE_CONV));
        convs.addAll(DartsOp.ofKind(ops, DartsOp.Kind.DILATED_CONV));
        return List.copyOf(convs);
    }

    List<DartsOp> ops() {
        return ops;
    }

    /** A, the channels every op runs on. */
    int active() {
        return active;
    }

    /** E·S, the edges in all. */
    int edges() {
        return edges;
    }

    /** S, the states read. */
    int sources() {
        return sources;
    }

    /** E, the nodes written (the edges per source). */
    int targets() {
        return targets;
    }

    int stride() {
        return stride;
    }

    /** The global α row of an edge. */
    int row(int edge) {
        return rows[edge];
    }

    List<DartsOp> pools() {
        return pools;
    }

    List<DartsOp> seps() {
        return seps;
    }

    /** The convolutions, sep_convs first. */
    List<DartsOp> convs() {
        return convs;
    }

    /** Whether skip_connect is a candidate. */
    boolean skip() {
        return skip;
    }

    /** Whether skip_connect is the identity here (stride 1), a parameter-free op. */
    boolean identity() {
        return skip && stride == 1;
    }

    /** Whether skip_connect is the factorized reduction here (stride 2), with parameters. */
    boolean reduces() {
        return skip && stride == 2;
    }

    /**
     * The first channel of an edge's op within its group's fused parameters.
     * @param position The op's position in its group.
     * @param edge The edge.
     * @return (position·E + edge)·A.
     */
    long channel(int position, int edge) {
        return ((long) position * edges + edge) * active;
    }

    /**
     * Per channel of a group of ops, ordered (op, edge, channel), the position of its weight: the
     * edge's α·β entry of the op, or the constant 1 for a sep_conv's first stack when
     * {@code firstStack}.
     * @param group The ops.
     * @param firstStack Whether this is the first stack of the convolutions.
     * @return The positions.
     */
    long[] scalePositions(List<DartsOp> group, boolean firstStack) {
        long[] index = new long[group.size() * edges * active];
        int i = 0;
        for (DartsOp op : group) {
            boolean unit = firstStack && seps.contains(op);
            for (int e = 0; e < edges; e++) {
                long position = unit ? oneOffset : weightPosition(rows[e], op);
                for (int c = 0; c < active; c++) {
                    index[i++] = position;
                }
            }
        }
        return index;
    }

    /**
     * The parameter-free ops of training mode: the pools, and the identity at stride 1.
     * @return The ops in the order of their columns.
     */
    List<DartsOp> freeOps() {
        List<DartsOp> free = new ArrayList<>(pools);
        if (identity()) {
            free.add(DartsOp.SKIP_CONNECT);
        }
        return free;
    }

    /**
     * The positions of the parameter-free ops' weights as a [E, F·S] matrix (flat): row a target
     * node, column (op, source).
     * @return The positions.
     */
    long[] freePositions() {
        List<DartsOp> free = freeOps();
        long[] index = new long[edges * free.size()];
        int i = 0;
        for (int e = 0; e < targets; e++) {
            for (DartsOp op : free) {
                for (int source = 0; source < sources; source++) {
                    index[i++] = weightPosition(rows[source * targets + e], op);
                }
            }
        }
        return index;
    }

    /**
     * The positions of the edges' β as a [E, S] matrix (flat): row a target node, column a source.
     * @param betaOffset Where β starts in the weight vector.
     * @return The positions.
     */
    long[] betaPositions(long betaOffset) {
        long[] index = new long[edges];
        for (int e = 0; e < targets; e++) {
            for (int source = 0; source < sources; source++) {
                index[e * sources + source] = betaOffset + rows[source * targets + e];
            }
        }
        return index;
    }

    private long weightPosition(int row, DartsOp op) {
        return (long) row * ops.size() + ops.indexOf(op);
    }
}
