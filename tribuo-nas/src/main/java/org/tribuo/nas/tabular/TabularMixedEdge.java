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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.space.OpSelection;

import java.util.List;
import java.util.Objects;

/**
 * One edge of a tabular search cell: the weighted sum {@code Σ_k α_k · op_k(x)} over the
 * candidate ops, or, when the {@link OpSelection} samples op k* for this edge's α row,
 * {@code w_k*·op_k*(x) + Σ_{k≠k*} w_k} (only op k* runs; the other weights are added as
 * scalars so they still receive their gradients).
 * <p>
 * Inputs: the edge's input {@code x} [batch, W] and its weight row {@code α} [numOps]. The
 * {@code none} op has no block: it adds nothing in the continuous sum, and zeros when sampled.
 */
final class TabularMixedEdge extends AbstractBlock {

    /** The block of each α column, null for {@code none}. */
    private final Block[] columnBlocks;
    private final int row;
    private final OpSelection selection;

    /**
     * Creates the edge.
     * @param ops The candidate ops (their order indexes α).
     * @param width W, in and out.
     * @param row The α row of this edge.
     * @param selection Which ops run; shared with the search.
     */
    TabularMixedEdge(List<TabularOp> ops, int width, int row, OpSelection selection) {
        this.columnBlocks = new Block[ops.size()];
        this.row = row;
        this.selection = Objects.requireNonNull(selection, "selection");
        for (int k = 0; k < ops.size(); k++) {
            TabularOp op = ops.get(k);
            if (op != TabularOp.NONE) {
                columnBlocks[k] = addChildBlock(op.opName(), TabularLayers.op(op, width, false));
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray alphaRow = inputs.get(1);
        int sampled = selection.sampledOp(row);
        if (sampled >= 0) {
            return new NDList(sampledForward(ps, x, alphaRow, sampled, training));
        }
        NDArray sum = null;
        for (int k = 0; k < columnBlocks.length; k++) {
            if (columnBlocks[k] != null) {
                NDArray weighted = columnBlocks[k].forward(ps, new NDList(x), training).singletonOrThrow()
                        .mul(alphaRow.get(k));
                sum = sum == null ? weighted : sum.add(weighted);
            }
        }
        return new NDList(sum == null ? x.zerosLike() : sum);
    }

    private NDArray sampledForward(ParameterStore ps, NDArray x, NDArray alphaRow, int k, boolean training) {
        int n = columnBlocks.length;
        if (k >= n) {
            throw new IllegalStateException("sampled op " + k + " of α row " + row + " is outside the " + n + " candidate ops");
        }
        NDArray out = columnBlocks[k] == null ? x.zerosLike()
                : columnBlocks[k].forward(ps, new NDList(x), training).singletonOrThrow().mul(alphaRow.get(k));
        // The other weights as scalars: exactly their sum, and a gradient of 1 for each.
        if (k > 0) {
            out = out.add(alphaRow.get(new NDIndex().addSliceDim(0, k)).sum());
        }
        if (k < n - 1) {
            out = out.add(alphaRow.get(new NDIndex().addSliceDim(k + 1, n)).sum());
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block op : columnBlocks) {
            if (op != null) {
                op.initialize(manager, dataType, inputShapes[0]);
            }
        }
    }
}
