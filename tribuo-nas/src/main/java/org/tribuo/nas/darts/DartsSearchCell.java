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


package org.tribuo.nas.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.ReluConvBn;

import java.util.List;

/**
 * A DARTS search cell. The two inputs are preprocessed to C channels (s0 by a
 * {@link FactorizedReduce} when the previous cell was a reduction cell, else by ReLU-conv1x1-BN;
 * s1 by ReLU-conv1x1-BN; all non-affine); then node i (0..3) sums the mixed edges from states
 * 0..i+1, each multiplied by its β entry when edge weights are on; the output concatenates the
 * four nodes, 4C channels. In a reduction cell the edges from the two inputs have stride 2.
 * <p>
 * Inputs: {@code [s0, s1, α]} or {@code [s0, s1, α, β]}, with α [28, numOps] and β [28]; an edge
 * reads α row (0 for normal cells, 14 for reduction cells) + its index within the cell.
 */
public final class DartsSearchCell extends AbstractBlock {

    private final int channels;
    private final boolean reduction;
    private final Block preprocess0;
    private final ReluConvBn preprocess1;
    private final Block[] edges = new Block[DartsCellLayout.EDGES];

    /**
     * Creates the cell.
     * @param ops The candidate ops, in α's column order.
     * @param channels C, the channels of each node.
     * @param reduction Whether this is a reduction cell.
     * @param reductionPrev Whether the previous cell was a reduction cell.
     * @param partialChannels K of partial-channel edges; 1 runs the ops on all channels.
     */
    public DartsSearchCell(List<DartsOp> ops, int channels, boolean reduction, boolean reductionPrev,
                           int partialChannels) {
        this.channels = channels;
        this.reduction = reduction;
        preprocess0 = addChildBlock("preprocess0", reductionPrev ? new FactorizedReduce(channels, false)
                : new ReluConvBn(channels, 1, 1, 0, false));
        preprocess1 = addChildBlock("preprocess1", new ReluConvBn(channels, 1, 1, 0, false));
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            for (int input = 0; input < DartsCellLayout.inputsOf(node); input++) {
                int edge = DartsCellLayout.firstEdge(node) + input;
                int stride = DartsCellLayout.stride(reduction, input);
                int row = DartsCellLayout.alphaRow(reduction, edge);
                Block block = partialChannels == 1 ? DartsOps.mixedEdge(ops, channels, stride, row)
                        : new PartialChannelOp(ops, channels, partialChannels, stride, row);
                edges[edge] = addChildBlock("edge" + (node + 2) + "from" + input, block);
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray alpha = inputs.get(2);
        NDArray beta = inputs.size() > 3 ? inputs.get(3) : null;
        NDArray[] states = new NDArray[2 + DartsCellLayout.NODES];
        states[0] = preprocess0.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        states[1] = preprocess1.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
        NDList nodes = new NDList(DartsCellLayout.NODES);
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            NDArray sum = null;
            for (int input = 0; input < DartsCellLayout.inputsOf(node); input++) {
                int edge = DartsCellLayout.firstEdge(node) + input;
                int row = DartsCellLayout.alphaRow(reduction, edge);
                NDArray out = edges[edge].forward(ps, new NDList(states[input], alpha.get(row)), training, params)
                        .singletonOrThrow();
                if (beta != null) {
                    out = out.mul(beta.get(row));
                }
                sum = sum == null ? out : sum.add(out);
            }
            states[node + 2] = sum;
            nodes.add(sum);
        }
        return new NDList(NDArrays.concat(nodes, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.cellOutput(inputShapes[1], channels, reduction)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in1 = DartsCellLayout.initializePreprocessing(preprocess0, preprocess1, manager, dataType, inputShapes);
        Shape row = new Shape(inputShapes[2].get(1));
        Shape node = DartsCellLayout.strided(in1, channels, reduction ? 2 : 1);
        for (int n = 0; n < DartsCellLayout.NODES; n++) {
            for (int input = 0; input < DartsCellLayout.inputsOf(n); input++) {
                edges[DartsCellLayout.firstEdge(n) + input].initialize(manager, dataType, input < 2 ? in1 : node, row);
            }
        }
    }
}
