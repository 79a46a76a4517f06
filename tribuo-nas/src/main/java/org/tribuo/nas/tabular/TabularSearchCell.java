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
 * A tabular search cell: every edge is a {@link MixedOp};
 * {@code node_i = Σ_{j<i} edge_{i<-j}(node_j)}, and the cell outputs node 3.
 * <p>
 * Inputs: the cell input [batch, W] and the shared architecture matrix α [6, numOps]; edge
 * {@code e} reads α row {@code e}.
 */
final class TabularSearchCell extends AbstractBlock {

    private final MixedOp[] edges = new MixedOp[TabularCellLayout.EDGES];

    /**
     * Creates the cell.
     * @param ops The candidate ops.
     * @param width W, in and out.
     * @param selection Which ops run; shared with the search.
     */
    TabularSearchCell(List<TabularOp> ops, int width, OpSelection selection) {
        for (int e = 0; e < edges.length; e++) {
            edges[e] = addChildBlock(TabularCellLayout.edgeBlockName(e), mixedEdge(ops, width, e, selection));
        }
    }

    /**
     * One edge: the candidate ops with non-affine batch norms, {@code none} a null candidate.
     * @param ops The candidate ops.
     * @param width W, in and out.
     * @param row The edge's α row.
     * @param selection Which ops run.
     * @return The mixed edge.
     */
    static MixedOp mixedEdge(List<TabularOp> ops, int width, int row, OpSelection selection) {
        List<String> names = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (TabularOp op : ops) {
            names.add(op.opName());
            blocks.add(op == TabularOp.NONE ? null : TabularLayers.op(op, width, false));
        }
        return new MixedOp(names, blocks, selection, row);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray alpha = inputs.get(1);
        NDArray[] nodes = new NDArray[TabularCellLayout.NODES];
        nodes[0] = inputs.get(0);
        for (int to = 1; to < nodes.length; to++) {
            NDArray sum = null;
            for (int from = 0; from < to; from++) {
                int e = TabularCellLayout.edgeIndex(to, from);
                NDArray out = edges[e].forward(ps, new NDList(nodes[from], alpha.get(e)), training).singletonOrThrow();
                sum = sum == null ? out : sum.add(out);
            }
            nodes[to] = sum;
        }
        return new NDList(nodes[nodes.length - 1]);
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
