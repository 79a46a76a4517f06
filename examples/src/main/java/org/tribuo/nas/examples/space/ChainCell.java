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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.function.IntFunction;

/**
 * A chain cell: {@code node1 = edge0(x)}, {@code out = edge1(x) + edge2(node1)}. In the supernet
 * every edge is a tribuo-nas {@code MixedOp} reading its row of α (inputs {@code [x, α]}); in the
 * network of a genotype every edge is its op (null for {@code zero}).
 */
final class ChainCell extends AbstractBlock {

    private final Block[] edges = new Block[ChainCellSpace.EDGES];
    private final boolean mixed;

    /**
     * Creates the cell.
     * @param edgeFactory The block of each edge (null for no connection).
     * @param mixed Whether edges are mixed ops that read their α row.
     */
    ChainCell(IntFunction<Block> edgeFactory, boolean mixed) {
        this.mixed = mixed;
        for (int e = 0; e < edges.length; e++) {
            Block edge = edgeFactory.apply(e);
            edges[e] = edge == null ? null : addChildBlock("edge" + ChainCellSpace.edgeTo(e) + "from" + ChainCellSpace.edgeFrom(e), edge);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray node1 = edge(ps, 0, x, inputs, training, params);
        NDArray a = edge(ps, 1, x, inputs, training, params);
        NDArray b = edge(ps, 2, node1 == null ? x.zerosLike() : node1, inputs, training, params);
        NDArray out = a == null ? b : b == null ? a : a.add(b);
        return new NDList(out == null ? x.zerosLike() : out);
    }

    private NDArray edge(ParameterStore ps, int e, NDArray in, NDList inputs, boolean training,
                         PairList<String, Object> params) {
        if (edges[e] == null) {
            return null;
        }
        NDList args = mixed ? new NDList(in, inputs.get(1).get(e)) : new NDList(in);
        return edges[e].forward(ps, args, training, params).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block edge : edges) {
            if (edge != null) {
                if (mixed) {
                    edge.initialize(manager, dataType, inputShapes[0], new Shape(inputShapes[1].get(1)));
                } else {
                    edge.initialize(manager, dataType, inputShapes[0]);
                }
            }
        }
    }
}
