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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import org.tribuo.nas.nn.BlockConstants;

import static org.tribuo.nas.nn.SharedParameterOps.weightedNorm;

/**
 * The mixed pass of a {@link FusedSearchCell}: every op of every edge, α-weighted, with the
 * edges leaving a node evaluated together (the steps are listed on {@link FusedSearchCell}).
 * The partial sums of the later nodes are kept as one array whose rows stay contiguous.
 */
final class MixedFusedCell {

    private final FusedSearchCell cell;
    private final FusedCellLayout layout;
    private final CellAveragePooling pooling;
    private final BlockConstants constants;

    /**
     * Creates the pass.
     * @param cell The cell whose parameter blocks it runs.
     * @param layout The cell's layout.
     * @param pooling The cell's average pooling.
     * @param constants The cell's constants (the α index arrays are cached there).
     */
    MixedFusedCell(FusedSearchCell cell, FusedCellLayout layout, CellAveragePooling pooling, BlockConstants constants) {
        this.cell = cell;
        this.layout = layout;
        this.pooling = pooling;
        this.constants = constants;
    }

    /**
     * The cell's output with all ops.
     * @param ps The parameter store.
     * @param x The cell input.
     * @param alpha The architecture matrix [6, numOps].
     * @param training Whether batch norms use and update batch statistics.
     * @return Node 3.
     */
    NDArray forward(ParameterStore ps, NDArray x, NDArray alpha, boolean training) {
        if (layout.freeOps().isEmpty() && layout.convOps().isEmpty()) {
            return x.zerosLike();
        }
        Shape nodeShape = x.getShape();
        NDArray pending = null;
        NDArray node = x;
        for (int j = 0; j < FusedCellLayout.SOURCES; j++) {
            NDArray out = edgeOutputs(ps, node, j, alpha, training);
            // Row r of pending is (the part computed so far of) node j+1+r.
            pending = pending == null ? out : pending.add(out);
            if (j < FusedCellLayout.SOURCES - 1) {
                NDList firstAndRest = pending.split(new long[]{1}, 0);
                node = firstAndRest.get(0).reshape(nodeShape);
                pending = firstAndRest.get(1);
            } else {
                node = pending.reshape(nodeShape);
            }
        }
        return node;
    }

    /**
     * The α-weighted sums of the edges leaving a source node, [n, B·C·H·W] (row r: the edge to
     * node source+1+r). The parameter-free ops read the same input on every edge, so their
     * outputs are stacked and weighted by one [n, F] × [F, B·C·H·W] product; each convolution
     * chunk belongs to one edge only, so the batch-norm output, viewed as [B, K, n, C·H·W], is
     * scaled by the [K, n] weights and summed over the K convolution ops.
     */
    private NDArray edgeOutputs(ParameterStore ps, NDArray node, int source, NDArray alpha, boolean training) {
        int edges = FusedCellLayout.edgesFrom(source);
        int freeOps = layout.freeOps().size();
        int convOps = layout.convOps().size();
        Shape shape = node.getShape();
        long batch = shape.get(0);
        long plane = shape.size() / batch;
        NDArray sums = null;
        if (freeOps > 0) {
            NDList outputs = new NDList(freeOps);
            for (Nb201Op op : layout.freeOps()) {
                outputs.add(op == Nb201Op.SKIP_CONNECT ? node : pooling.pool(node));
            }
            NDArray stacked = outputs.size() == 1 ? outputs.get(0).reshape(1, -1)
                    : NDArrays.stack(outputs, 0).reshape(outputs.size(), -1);
            NDArray weights = alpha.take(alpha.getManager(), index("free" + source, alpha, layout.freeIndex(source),
                    new Shape(edges, freeOps)));
            sums = weights.matMul(stacked).reshape(edges, batch, plane);
        }
        if (convOps > 0) {
            NDList activated = new NDList(Activation.relu(node));
            NDList convolved = new NDList(convOps);
            for (Nb201Op op : layout.convOps()) {
                convolved.add(cell.convolution(source, op).forward(ps, activated, training).singletonOrThrow());
            }
            NDArray joined = convolved.size() == 1 ? convolved.get(0) : NDArrays.concat(convolved, 1);
            NDArray weights = alpha.take(alpha.getManager(), index("conv" + source, alpha, layout.convIndex(source),
                    new Shape(convOps, edges, 1)));
            // The batch norm is not affine, so its scale is free to carry the α weight of each channel's
            // edge and op: the norm's output is already weighted, in the same pass.
            NDArray scale = weights.broadcast(new Shape(convOps, edges, cell.channels())).reshape(-1);
            NDArray weighted = weightedNorm(ps, cell.norm(source), joined, scale, training)
                    .reshape(batch, convOps, edges, plane);
            NDArray perEdge = convOps == 1 ? weighted.reshape(batch, edges, plane) : weighted.sum(new int[]{1});
            // [edges, B, C·H·W] as a view; the add below writes the sum in that (contiguous) order.
            NDArray edgeMajor = perEdge.transpose(1, 0, 2);
            sums = sums == null ? edgeMajor : sums.add(edgeMajor);
        }
        return sums.reshape(edges, -1);
    }

    /** A cached index array of flat α positions. */
    private NDArray index(String name, NDArray alpha, long[] flat, Shape shape) {
        return constants.get(name, alpha, () -> constants.manager().create(flat, shape).toDevice(alpha.getDevice(), false));
    }
}
