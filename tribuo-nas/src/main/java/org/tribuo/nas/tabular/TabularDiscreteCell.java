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
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * A tabular cell with one fixed op per edge, as given by a genotype; batch norms are affine.
 * {@code none} edges are left out, and a node with only {@code none} inputs is zero.
 * <p>
 * Input: the cell input [batch, W]; output: node 3 [batch, W].
 */
final class TabularDiscreteCell extends AbstractBlock implements OnnxBlock {

    private final Block[] edges = new Block[TabularCellLayout.EDGES];

    /**
     * Creates the cell.
     * @param genotype The op of every edge.
     * @param width W, in and out.
     */
    TabularDiscreteCell(TabularGenotype genotype, int width) {
        for (int e = 0; e < edges.length; e++) {
            TabularOp op = genotype.op(e);
            if (op != TabularOp.NONE) {
                edges[e] = addChildBlock(TabularCellLayout.edgeBlockName(e) + "_" + op.opName(),
                        TabularLayers.op(op, width, true));
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray[] nodes = new NDArray[TabularCellLayout.NODES];
        nodes[0] = inputs.get(0);
        for (int to = 1; to < nodes.length; to++) {
            NDArray sum = null;
            for (int from = 0; from < to; from++) {
                Block edge = edges[TabularCellLayout.edgeIndex(to, from)];
                if (edge != null) {
                    NDArray out = edge.forward(ps, new NDList(nodes[from]), training).singletonOrThrow();
                    sum = sum == null ? out : sum.add(out);
                }
            }
            nodes[to] = sum == null ? nodes[0].zerosLike() : sum;
        }
        return new NDList(nodes[nodes.length - 1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block edge : edges) {
            if (edge != null) {
                edge.initialize(manager, dataType, inputShapes[0]);
            }
        }
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        return writer.sumCell(inputs.get(0), TabularCellLayout.NODES,
                (to, from) -> edges[TabularCellLayout.edgeIndex(to, from)]);
    }
}
