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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.space.OpSelection;

import java.util.ArrayList;
import java.util.List;

/**
 * A NAS-Bench-201 search cell: every edge is a {@link MixedOp};
 * {@code node_i = Σ_{j<i} edge_{i<-j}(node_j)}, and the cell outputs node 3.
 * <p>
 * Inputs: the cell input and the shared architecture matrix α, shape [6, numOps].
 */
public final class SearchCell extends AbstractBlock {

    private final MixedOp[] edges = new MixedOp[Nb201Space.NUM_EDGES];

    /**
     * Creates the cell.
     * @param space The candidate ops.
     * @param channels Channels in and out.
     * @param selection Which ops the edges run; shared with the search.
     */
    public SearchCell(Nb201Space space, int channels, OpSelection selection) {
        for (int e = 0; e < edges.length; e++) {
            edges[e] = addChildBlock("edge" + Nb201Space.edgeTo(e) + "from" + Nb201Space.edgeFrom(e),
                    mixedEdge(space, channels, selection, e));
        }
    }

    /** One edge: every op of the space but {@code none} (a null candidate, never run). */
    private static MixedOp mixedEdge(Nb201Space space, int channels, OpSelection selection, int row) {
        List<String> names = new ArrayList<>();
        List<Block> ops = new ArrayList<>();
        for (Nb201Op op : space.ops()) {
            names.add(op.opName());
            ops.add(op == Nb201Op.NONE ? null : op.block(channels, false));
        }
        return new MixedOp(names, ops, selection, row);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray alpha = inputs.get(1);
        NDArray[] nodes = new NDArray[Nb201Space.NUM_NODES];
        nodes[0] = inputs.get(0);
        for (int to = 1; to < Nb201Space.NUM_NODES; to++) {
            NDArray sum = null;
            for (int from = 0; from < to; from++) {
                int e = Nb201Space.edgeIndex(to, from);
                NDArray out = edges[e].forward(ps, new NDList(nodes[from], alpha.get(e)), training).singletonOrThrow();
                sum = sum == null ? out : sum.add(out);
            }
            nodes[to] = sum;
        }
        return new NDList(nodes[Nb201Space.NUM_NODES - 1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape row = new Shape(inputShapes[1].get(1));
        for (MixedOp edge : edges) {
            edge.initialize(manager, dataType, inputShapes[0], row);
        }
    }
}
