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
import org.tribuo.nas.space.CellString;
import org.tribuo.nas.space.Genotype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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

    static final CellString<TabularOp> STRING = new CellString<>(TabularSearchSpace.NAME, TabularCellLayout.NODES,
            TabularOp::fromName, TabularOp.validNames(),
            "|dense~0|+|skip_connect~0|dense_bottleneck~1|+|skip_connect~0|dense~1|dense~2|");

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
     * @throws org.tribuo.nas.space.GenotypeFormatException naming the character position and the problem.
     */
    public static TabularGenotype parse(String text) {
        return new TabularGenotype(STRING.parse(text));
    }

    @Override
    public List<CellGraph> cells() {
        return List.of(STRING.graph(edgeOps));
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
        return STRING.format(edgeOps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularGenotype && ((TabularGenotype) o).edgeOps.equals(edgeOps);
    }

    @Override
    public int hashCode() {
        return edgeOps.hashCode();
    }
}
