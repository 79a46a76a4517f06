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

import org.tribuo.nas.space.CellGraph;
import org.tribuo.nas.space.CellString;
import org.tribuo.nas.space.Genotype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A NAS-Bench-201 cell architecture: one op per edge.
 * <p>
 * Its text form is the benchmark's architecture string,
 * {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}: one {@code +}-separated group per node 1..3,
 * each listing the op on the edge from every earlier node.
 */
public final class Nb201Genotype implements Genotype {

    static final CellString<Nb201Op> STRING = new CellString<>(Nb201SearchSpace.FAMILY, Nb201Space.NUM_NODES,
            Nb201Op::fromName, Nb201Op.validNames(),
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    private final List<Nb201Op> edgeOps;

    /**
     * Creates a genotype from the op of every edge, in edge index order
     * ({@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2}).
     * @param edgeOps Six ops.
     * @throws IllegalArgumentException if there are not six ops.
     */
    public Nb201Genotype(List<Nb201Op> edgeOps) {
        Objects.requireNonNull(edgeOps, "edgeOps");
        if (edgeOps.size() != Nb201Space.NUM_EDGES) {
            throw new IllegalArgumentException("a NAS-Bench-201 genotype has " + Nb201Space.NUM_EDGES
                    + " edges, got " + edgeOps.size());
        }
        for (Nb201Op op : edgeOps) {
            Objects.requireNonNull(op, "edge op");
        }
        this.edgeOps = Collections.unmodifiableList(new ArrayList<>(edgeOps));
    }

    /**
     * Parses a NAS-Bench-201 architecture string.
     * @param text e.g. {@code |nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|}.
     * @return The genotype.
     * @throws org.tribuo.nas.space.GenotypeFormatException naming the character position and the problem.
     */
    public static Nb201Genotype parse(String text) {
        return new Nb201Genotype(STRING.parse(text));
    }

    /**
     * The op on an edge.
     * @param edge The edge index (see {@link Nb201Space#edgeIndex(int, int)}).
     * @return The op.
     */
    public Nb201Op op(int edge) {
        return edgeOps.get(edge);
    }

    /**
     * The op of every edge, in edge index order.
     * @return An unmodifiable list of six ops.
     */
    public List<Nb201Op> edgeOps() {
        return edgeOps;
    }

    @Override
    public List<CellGraph> cells() {
        return List.of(STRING.graph(edgeOps));
    }

    @Override
    public String spaceName() {
        return Nb201SearchSpace.NAME;
    }

    /**
     * The NAS-Bench-201 architecture string.
     * @return The string form, which {@link #parse(String)} reads back.
     */
    @Override
    public String toString() {
        return STRING.format(edgeOps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nb201Genotype && ((Nb201Genotype) o).edgeOps.equals(edgeOps);
    }

    @Override
    public int hashCode() {
        return edgeOps.hashCode();
    }
}
