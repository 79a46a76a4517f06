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
import org.tribuo.nas.nn.MixedOp;

import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-201 search cell: every edge is a {@link MixedOp};
 * {@code node_i = Σ_{j<i} edge_{i<-j}(node_j)}, and the cell outputs node 3.
 * <p>
 * Inputs: the cell input and the shared architecture matrix α, shape [6, numOps].
 */
public final class SearchCell extends DenseCell {

    /**
     * Creates the cell.
     * @param space The candidate ops.
     * @param channels Channels in and out.
     */
    public SearchCell(Nb201Space space, int channels) {
        super(Nb201Space.NUM_NODES, edgeNames(), mixedEdges(space, channels));
    }

    private static List<String> edgeNames() {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
            names.add("edge" + Nb201Space.edgeTo(e) + "from" + Nb201Space.edgeFrom(e));
        }
        return names;
    }

    /** Every edge: every op of the space but {@code none} (a null candidate, never run). */
    private static List<Block> mixedEdges(Nb201Space space, int channels) {
        List<Block> edges = new ArrayList<>();
        for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
            List<String> names = new ArrayList<>();
            List<Block> ops = new ArrayList<>();
            for (Nb201Op op : space.ops()) {
                names.add(op.opName());
                ops.add(op == Nb201Op.NONE ? null : op.block(channels, false));
            }
            edges.add(new MixedOp(names, ops, e));
        }
        return edges;
    }
}
