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

import org.tribuo.nas.space.CellGraph;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.GenotypeFormatException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A tabular cell architecture: one {@link TabularOp} per edge of the four-node cell.
 * <p>
 * Its text form follows NAS-Bench-201's architecture strings,
 * {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: one {@code +}-separated group per node 1..3,
 * each listing the op on the edge from every earlier node, e.g.
 * {@code |dense~0|+|skip_connect~0|dense_bottleneck~1|+|skip_connect~0|none~1|dense_dropout~2|}.
 * Immutable.
 */
public final class TabularGenotype implements Genotype {

    private final List<TabularOp> edgeOps;

    /**
     * Creates a genotype from the op of every edge, in edge index order
     * ({@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2}).
     * @param edgeOps Six ops.
     * @throws IllegalArgumentException if there are not six ops.
     */
    public TabularGenotype(List<TabularOp> edgeOps) {
        Objects.requireNonNull(edgeOps, "edgeOps");
        if (edgeOps.size() != TabularCellLayout.EDGES) {
            throw new IllegalArgumentException("a tabular genotype has " + TabularCellLayout.EDGES
                    + " edges, got " + edgeOps.size());
        }
        for (TabularOp op : edgeOps) {
            Objects.requireNonNull(op, "edge op");
        }
        this.edgeOps = Collections.unmodifiableList(new ArrayList<>(edgeOps));
    }

    /**
     * Parses the text form.
     * @param text e.g. {@code |dense~0|+|skip_connect~0|dense_bottleneck~1|+|skip_connect~0|dense~1|dense~2|}.
     * @return The genotype.
     * @throws GenotypeFormatException naming the character position and the problem.
     */
    public static TabularGenotype parse(String text) {
        return new TabularGenotypeParser(text).parse();
    }

    @Override
    public List<CellGraph> cells() {
        List<CellGraph.Edge> edges = new ArrayList<>();
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            edges.add(new CellGraph.Edge(TabularCellLayout.edgeFrom(e), TabularCellLayout.edgeTo(e), op(e).opName()));
        }
        return List.of(new CellGraph("cell", List.of("0 (input)", "1", "2", "3 (output)"), edges));
    }

    @Override
    public String spaceName() {
        return TabularSearchSpace.NAME;
    }

    /**
     * The op on an edge.
     * @param edge The edge index (see {@link TabularCellLayout#edgeIndex(int, int)}).
     * @return The op.
     */
    public TabularOp op(int edge) {
        return edgeOps.get(edge);
    }

    /**
     * The op of every edge, in edge index order.
     * @return An unmodifiable list of six ops.
     */
    public List<TabularOp> edgeOps() {
        return edgeOps;
    }

    /**
     * The text form, which {@link #parse(String)} reads back.
     * @return The genotype string.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int to = 1; to < TabularCellLayout.NODES; to++) {
            if (to > 1) {
                sb.append('+');
            }
            sb.append('|');
            for (int from = 0; from < to; from++) {
                sb.append(op(TabularCellLayout.edgeIndex(to, from)).opName()).append('~').append(from).append('|');
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularGenotype && ((TabularGenotype) o).edgeOps.equals(edgeOps);
    }

    @Override
    public int hashCode() {
        return edgeOps.hashCode();
    }

    /**
     * A random genotype: each edge's op drawn independently and uniformly from the candidates.
     * @param candidates The candidate ops.
     * @param rng The random stream.
     * @return The genotype.
     */
    public static TabularGenotype random(List<TabularOp> candidates, SplittableRandom rng) {
        Objects.requireNonNull(rng, "rng");
        List<TabularOp> chosen = new ArrayList<>(TabularCellLayout.EDGES);
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            chosen.add(candidates.get(rng.nextInt(candidates.size())));
        }
        return new TabularGenotype(chosen);
    }

    /**
     * The argmax op of every edge, the first one on ties.
     * @param candidates The candidate ops, in α's column order.
     * @param alpha α, [6][candidates] of finite values.
     * @return The genotype.
     * @throws IllegalArgumentException if α has the wrong shape or a non-finite value.
     */
    public static TabularGenotype argmax(List<TabularOp> candidates, float[][] alpha) {
        Objects.requireNonNull(alpha, "alpha");
        if (alpha.length != TabularCellLayout.EDGES) {
            throw new IllegalArgumentException("expected " + TabularCellLayout.EDGES + " rows of architecture weights, got "
                    + alpha.length);
        }
        List<TabularOp> chosen = new ArrayList<>(TabularCellLayout.EDGES);
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            float[] row = alpha[e];
            if (row == null || row.length != candidates.size()) {
                throw new IllegalArgumentException("expected " + candidates.size() + " architecture weights in row " + e
                        + ", got " + (row == null ? "null" : Integer.toString(row.length)));
            }
            int best = 0;
            for (int k = 0; k < row.length; k++) {
                if (!Float.isFinite(row[k])) {
                    throw new IllegalArgumentException("architecture weight [" + e + "][" + k + "] is not finite: " + row[k]);
                }
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            chosen.add(candidates.get(best));
        }
        return new TabularGenotype(chosen);
    }
}
