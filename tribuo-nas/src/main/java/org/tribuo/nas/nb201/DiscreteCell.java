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

import ai.djl.nn.Block;

import org.tribuo.nas.nn.DenseCell;

import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-201 cell with one fixed op per edge, as given by a genotype; batch norms are
 * affine, as in the benchmark's trained networks. {@code none} edges are left out, and a node
 * with only {@code none} inputs is zero.
 */
public final class DiscreteCell extends DenseCell {

    /**
     * Creates the cell.
     * @param genotype One op per edge.
     * @param channels Channels in and out.
     */
    public DiscreteCell(Nb201Genotype genotype, int channels) {
        super(Nb201Space.NUM_NODES, edgeNames(genotype), edges(genotype, channels));
    }

    private static List<String> edgeNames(Nb201Genotype genotype) {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
            names.add("edge" + Nb201Space.edgeTo(e) + "from" + Nb201Space.edgeFrom(e) + "_" + genotype.op(e).opName());
        }
        return names;
    }

    private static List<Block> edges(Nb201Genotype genotype, int channels) {
        List<Block> edges = new ArrayList<>();
        for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
            Nb201Op op = genotype.op(e);
            edges.add(op == Nb201Op.NONE ? null : op.block(channels, true));
        }
        return edges;
    }
}
