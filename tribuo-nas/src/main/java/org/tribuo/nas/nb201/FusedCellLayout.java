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
import java.util.List;

/**
 * Where everything sits for one {@link FusedSearchCell}: which candidate ops are parameter-free
 * and which are convolutions, where their weights sit in α ([6, numOps]) for the edges leaving
 * each source node, and where an edge's op sits in its source's concatenated kernels and
 * batch-norm channels.
 * <p>
 * The edges leaving source node j are ordered by target: row r is the edge {@code j+1+r <- j}.
 * Batch-norm channels are ordered (convolution op, row, channel).
 */
final class FusedCellLayout {

    /** Nodes with outgoing edges: 0, 1 and 2. */
    static final int SOURCES = Nb201Space.NUM_NODES - 1;

    private final Nb201Space space;
    private final int channels;
    /** The parameter-free ops (skip, pool) in column order, and their α columns. */
    private final List<Nb201Op> freeOps = new ArrayList<>();
    private final List<Integer> freeColumns = new ArrayList<>();
    /** The convolution ops in column order, and their α columns. */
    private final List<Nb201Op> convOps = new ArrayList<>();
    private final List<Integer> convColumns = new ArrayList<>();
    /** [source]: flat indices into α of the parameter-free ops' weights, [edges, F]. */
    private final long[][] freeIndex = new long[SOURCES][];
    /** [source]: flat indices into α of the convolution ops' weights, [K, edges]. */
    private final long[][] convIndex = new long[SOURCES][];

    /**
     * Lays out a cell.
     * @param space The candidate ops.
     * @param channels C, the channels in and out.
     */
    FusedCellLayout(Nb201Space space, int channels) {
        this.space = space;
        this.channels = channels;
        List<Nb201Op> ops = space.ops();
        for (int k = 0; k < ops.size(); k++) {
            Nb201Op op = ops.get(k);
            if (op == Nb201Op.SKIP_CONNECT || op == Nb201Op.AVG_POOL_3X3) {
                freeOps.add(op);
                freeColumns.add(k);
            } else if (op == Nb201Op.NOR_CONV_1X1 || op == Nb201Op.NOR_CONV_3X3) {
                convOps.add(op);
                convColumns.add(k);
            }
        }
        for (int j = 0; j < SOURCES; j++) {
            freeIndex[j] = buildFreeIndex(j, ops.size());
            convIndex[j] = buildConvIndex(j, ops.size());
        }
    }

    /**
     * The number of edges leaving a node, {@code 3 − source}: one to every later node.
     * @param source The source node (0..2).
     * @return The edge count.
     */
    static int edgesFrom(int source) {
        return Nb201Space.NUM_NODES - 1 - source;
    }

    /** The kernel size of a convolution op. */
    static int kernelSize(Nb201Op op) {
        return op == Nb201Op.NOR_CONV_1X1 ? 1 : 3;
    }

    /** The parameter-free ops (skip, pool) in column order. */
    List<Nb201Op> freeOps() {
        return freeOps;
    }

    /** The convolution ops in column order. */
    List<Nb201Op> convOps() {
        return convOps;
    }

    /** Flat indices into α of the parameter-free ops' weights on a source's edges, [edges, F]. */
    long[] freeIndex(int source) {
        return freeIndex[source];
    }

    /** Flat indices into α of the convolution ops' weights on a source's edges, [K, edges]. */
    long[] convIndex(int source) {
        return convIndex[source];
    }

    /**
     * Flat indices into α ([6, numOps]) of the parameter-free ops' weights on the edges leaving a
     * source node: [n, F], row r the edge {@code source+1+r <- source}.
     */
    private long[] buildFreeIndex(int source, int numOps) {
        int edges = edgesFrom(source);
        long[] index = new long[edges * freeColumns.size()];
        for (int r = 0; r < edges; r++) {
            int e = Nb201Space.edgeIndex(source + 1 + r, source);
            for (int f = 0; f < freeColumns.size(); f++) {
                index[r * freeColumns.size() + f] = (long) e * numOps + freeColumns.get(f);
            }
        }
        return index;
    }

    /**
     * Flat indices into α ([6, numOps]) of the convolution ops' weights on the edges leaving a
     * source node: [K, n] in the batch-norm channel order (see {@link #normOffset}).
     */
    private long[] buildConvIndex(int source, int numOps) {
        int edges = edgesFrom(source);
        long[] index = new long[convColumns.size() * edges];
        for (int k = 0; k < convColumns.size(); k++) {
            for (int r = 0; r < edges; r++) {
                int e = Nb201Space.edgeIndex(source + 1 + r, source);
                index[k * edges + r] = (long) e * numOps + convColumns.get(k);
            }
        }
        return index;
    }

    /** Where an edge's convolution op starts in its source's batch-norm channels. */
    long normOffset(int edge, Nb201Op op) {
        int source = Nb201Space.edgeFrom(edge);
        return ((long) convPosition(op) * edgesFrom(source) + row(edge)) * channels;
    }

    /** Where an edge starts in the output channels (kernel rows) of its source's concatenated convolutions. */
    long kernelOffset(int edge) {
        return (long) row(edge) * channels;
    }

    /** The position of an edge among its source's outgoing edges. */
    private static int row(int edge) {
        return Nb201Space.edgeTo(edge) - 1 - Nb201Space.edgeFrom(edge);
    }

    /**
     * The position of a convolution op among the space's convolutions.
     * @throws IllegalArgumentException if the op is not a convolution of the space.
     */
    int convPosition(Nb201Op op) {
        int position = convOps.indexOf(op);
        if (position < 0) {
            throw new IllegalArgumentException("'" + op.opName() + "' is not a convolution of " + space);
        }
        return position;
    }
}
