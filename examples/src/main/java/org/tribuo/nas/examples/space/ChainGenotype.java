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
package org.tribuo.nas.examples.space;

import org.tribuo.nas.space.CellGraph;
import org.tribuo.nas.space.Genotype;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cell of {@link ChainCellSpace}: the op of each of its three edges, {@code 1<-0},
 * {@code 2<-0}, {@code 2<-1}. Text form: {@code conv_5x5,identity,max_pool_3x3}.
 *
 * @param ops The op of each edge, in edge order.
 */
public record ChainGenotype(List<ChainOp> ops) implements Genotype {

    /**
     * Checks there is one op per edge.
     */
    public ChainGenotype {
        Objects.requireNonNull(ops, "ops");
        if (ops.size() != ChainCellSpace.EDGES) {
            throw new IllegalArgumentException("a chain cell has " + ChainCellSpace.EDGES + " edges, got " + ops.size()
                    + " ops: " + ops);
        }
        ops = List.copyOf(ops);
    }

    /**
     * Parses the text form.
     * @param text e.g. {@code conv_5x5,identity,max_pool_3x3}.
     * @return The genotype.
     * @throws IllegalArgumentException naming an unknown op or a wrong count.
     */
    public static ChainGenotype parse(String text) {
        List<ChainOp> ops = new ArrayList<>();
        for (String name : text.split(",")) {
            ops.add(ChainOp.fromName(name.trim()));
        }
        return new ChainGenotype(ops);
    }

    @Override
    public String spaceName() {
        return ChainCellSpace.NAME;
    }

    @Override
    public List<CellGraph> cells() {
        List<CellGraph.Edge> edges = new ArrayList<>();
        for (int e = 0; e < ChainCellSpace.EDGES; e++) {
            if (ops.get(e) != ChainOp.ZERO) {
                edges.add(new CellGraph.Edge(ChainCellSpace.edgeFrom(e), ChainCellSpace.edgeTo(e), ops.get(e).opName()));
            }
        }
        return List.of(new CellGraph("cell", List.of("in", "1", "out"), edges));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (ChainOp op : ops) {
            sb.append(sb.length() == 0 ? "" : ",").append(op.opName());
        }
        return sb.toString();
    }
}
