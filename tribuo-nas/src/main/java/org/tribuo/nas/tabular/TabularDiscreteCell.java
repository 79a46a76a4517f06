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

import java.util.ArrayList;
import java.util.List;

/**
 * A tabular cell with one fixed op per edge, as given by a genotype; batch norms are affine.
 * {@code none} edges are left out, and a node with only {@code none} inputs is zero.
 * <p>
 * Input: the cell input [batch, W]; output: node 3 [batch, W].
 */
final class TabularDiscreteCell extends DenseCell {

    /**
     * Creates the cell.
     * @param genotype One op per edge.
     * @param width Features in and out.
     */
    TabularDiscreteCell(TabularGenotype genotype, int width) {
        super(TabularCellLayout.NODES, edgeNames(genotype), edges(genotype, width));
    }

    private static List<String> edgeNames(TabularGenotype genotype) {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            names.add(TabularCellLayout.edgeBlockName(e) + "_" + genotype.op(e).opName());
        }
        return names;
    }

    private static List<Block> edges(TabularGenotype genotype, int width) {
        List<Block> edges = new ArrayList<>();
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            TabularOp op = genotype.op(e);
            edges.add(op == TabularOp.NONE ? null : TabularLayers.op(op, width, true));
        }
        return edges;
    }
}
