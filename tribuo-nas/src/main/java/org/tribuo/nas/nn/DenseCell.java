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

package org.tribuo.nas.nn;

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
import org.tribuo.nas.space.CompleteDag;
import org.tribuo.util.onnx.ONNXRef;

import java.util.List;

/**
 * A cell whose nodes form a dense DAG, as in NAS-Bench-201 and the tabular space: node 0 is the
 * cell input, node {@code j} the sum of one edge from every earlier node, the last node the
 * output. Edge {@code e} leads from node {@code from} to node {@code to} with
 * {@code e = to·(to−1)/2 + from}: (1←0), (2←0), (2←1), (3←0), (3←1), (3←2) for four nodes.
 * <ul>
 *     <li>A discrete cell's edges are plain blocks, forward input {@code [x]}; a null edge is the
 *     zero op, and a node with only zero inputs is zero.</li>
 *     <li>A search cell's edges are {@link MixedOp}s, forward input {@code [x, alpha]}: edge
 *     {@code e} gets α's row {@code e}.</li>
 * </ul>
 * Every edge keeps its input's shape. The spaces subclass it to name their cells and build their
 * edges; the forward pass, initialization and ONNX graph are written here once.
 */
public class DenseCell extends AbstractBlock implements OnnxBlock {

    private final int nodes;
    private final Block[] edges;

    /**
     * Creates the cell.
     * @param nodes Nodes including the input (4 in NAS-Bench-201).
     * @param names The edges' child block names, in edge order (the parameter names derive from them).
     * @param edges The edges' blocks, in edge order; null for a zero edge.
     */
    protected DenseCell(int nodes, List<String> names, List<Block> edges) {
        int count = CompleteDag.edges(nodes);
        if (names.size() != count || edges.size() != count) {
            throw new IllegalArgumentException("a " + nodes + "-node dense cell has " + count + " edges, got "
                    + edges.size() + " blocks and " + names.size() + " names");
        }
        this.nodes = nodes;
        this.edges = new Block[count];
        for (int e = 0; e < count; e++) {
            Block edge = edges.get(e);
            this.edges[e] = edge == null ? null : addChildBlock(names.get(e), edge);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray alpha = inputs.size() > 1 ? inputs.get(1) : null;
        NDArray[] values = new NDArray[nodes];
        values[0] = inputs.get(0);
        for (int to = 1; to < nodes; to++) {
            NDArray sum = null;
            for (int from = 0; from < to; from++) {
                int e = CompleteDag.index(to, from);
                if (edges[e] != null) {
                    NDList in = alpha == null ? new NDList(values[from]) : new NDList(values[from], alpha.get(e));
                    NDArray out = edges[e].forward(ps, in, training, params).singletonOrThrow();
                    sum = sum == null ? out : sum.add(out);
                }
            }
            values[to] = sum == null ? values[0].zerosLike() : sum;
        }
        return new NDList(values[nodes - 1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block edge : edges) {
            if (edge == null) {
                continue;
            }
            if (inputShapes.length > 1) {
                edge.initialize(manager, dataType, inputShapes[0], new Shape(inputShapes[1].get(1)));
            } else {
                edge.initialize(manager, dataType, inputShapes[0]);
            }
        }
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        return writer.sumCell(inputs.get(0), nodes, (to, from) -> edges[CompleteDag.index(to, from)]);
    }
}
