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
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.space.OpSelection;

import static org.tribuo.nas.nn.SharedParameterOps.kernelRows;
import static org.tribuo.nas.nn.SharedParameterOps.sliceNorm;
import org.tribuo.nas.numerics.CheckedConvolutions;

/**
 * The sampled (GDAS) pass of a {@link FusedSearchCell}: {@link SearchCell}'s edge-by-edge forward
 * pass with one sampled op per edge, each edge computed as {@link MixedOp}'s sampled forward pass
 * on its slices of the cell's concatenated parameters. The running statistics of the unsampled
 * ops are left untouched.
 */
final class SampledFusedCell {

    private static final Shape UNIT = new Shape(1, 1);

    private final FusedSearchCell cell;
    private final CellAveragePooling pooling;

    /**
     * Creates the pass.
     * @param cell The cell whose parameters it slices.
     * @param pooling The cell's average pooling.
     */
    SampledFusedCell(FusedSearchCell cell, CellAveragePooling pooling) {
        this.cell = cell;
        this.pooling = pooling;
    }

    /**
     * The cell's output with the sampled ops.
     * @param ps The parameter store.
     * @param x The cell input.
     * @param alpha The architecture matrix [6, numOps].
     * @param selection The sampled op of every edge.
     * @param training Whether batch norms use and update batch statistics.
     * @return Node 3.
     */
    NDArray forward(ParameterStore ps, NDArray x, NDArray alpha, OpSelection selection, boolean training) {
        NDArray[] nodes = new NDArray[Nb201Space.NUM_NODES];
        nodes[0] = x;
        for (int to = 1; to < Nb201Space.NUM_NODES; to++) {
            NDArray sum = null;
            for (int from = 0; from < to; from++) {
                int e = Nb201Space.edgeIndex(to, from);
                NDArray out = edge(ps, nodes[from], alpha.get(e), selection.sampledOp(e), e, training);
                sum = sum == null ? out : sum.add(out);
            }
            nodes[to] = sum;
        }
        return nodes[Nb201Space.NUM_NODES - 1];
    }

    /** {@link MixedOp}'s sampled forward pass on one edge. */
    private NDArray edge(ParameterStore ps, NDArray x, NDArray alphaRow, int sampled, int edge, boolean training) {
        Nb201Op op = cell.space().ops().get(sampled);
        NDArray out;
        if (op == Nb201Op.NONE) {
            out = x.zerosLike();
        } else {
            NDArray y;
            if (op == Nb201Op.SKIP_CONNECT) {
                y = x;
            } else if (op == Nb201Op.AVG_POOL_3X3) {
                y = pooling.pool(x);
            } else {
                y = convolution(ps, x, edge, op, training);
            }
            out = y.mul(alphaRow.get(sampled));
        }
        NDArray others = MixedOp.unsampledWeights(alphaRow, sampled);
        return others == null ? out : out.add(others);
    }

    /** ReLU, convolution and batch norm of one edge, on its slices of the concatenated parameters. */
    private NDArray convolution(ParameterStore ps, NDArray x, int edge, Nb201Op op, boolean training) {
        int source = Nb201Space.edgeFrom(edge);
        int channels = cell.channels();
        NDArray kernel = kernelRows(ps, cell.convolution(source, op), x, cell.kernelOffset(edge), channels, training);
        int k = FusedCellLayout.kernelSize(op);
        NDArray convolved = CheckedConvolutions.conv2d(Activation.relu(x), kernel, null, UNIT, new Shape(k / 2, k / 2), UNIT, 1);
        return sliceNorm(ps, cell.norm(source), convolved, cell.normOffset(edge, op), channels, training);
    }
}
