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

import ai.djl.nn.Block;

import org.tribuo.nas.nn.DenseCell;
import org.tribuo.nas.nn.MixedOp;

import java.util.ArrayList;
import java.util.List;

/**
 * A tabular search cell: every edge is a {@link MixedOp};
 * {@code node_i = Σ_{j<i} edge_{i<-j}(node_j)}, and the cell outputs node 3.
 * <p>
 * Inputs: the cell input [batch, W] and the shared architecture matrix α [6, numOps]; edge
 * {@code e} reads α row {@code e}.
 */
final class TabularSearchCell extends DenseCell {

    /**
     * Creates the cell.
     * @param ops The candidate ops, in α's column order.
     * @param width Features in and out.
     */
    TabularSearchCell(List<TabularOp> ops, int width) {
        super(TabularCellLayout.NODES, edgeNames(), mixedEdges(ops, width));
    }

    private static List<String> edgeNames() {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            names.add(TabularCellLayout.edgeBlockName(e));
        }
        return names;
    }

    private static List<Block> mixedEdges(List<TabularOp> ops, int width) {
        List<Block> edges = new ArrayList<>();
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            edges.add(mixedEdge(ops, width, e));
        }
        return edges;
    }

    /**
     * One mixed edge: every candidate op but {@code none} (a null candidate, never run).
     * @param ops The candidate ops.
     * @param width Features in and out.
     * @param row The edge's α row.
     * @return The edge.
     */
    static MixedOp mixedEdge(List<TabularOp> ops, int width, int row) {
        List<String> names = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (TabularOp op : ops) {
            names.add(op.opName());
            blocks.add(op == TabularOp.NONE ? null : TabularLayers.op(op, width, false));
        }
        return new MixedOp(names, blocks, row);
    }
}
