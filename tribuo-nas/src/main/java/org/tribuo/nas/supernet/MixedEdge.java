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

package org.tribuo.nas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.space.Nb201Op;
import org.tribuo.nas.space.Nb201Space;
import org.tribuo.nas.space.OpSelection;

import java.util.ArrayList;
import java.util.List;

/**
 * One edge of a search cell: the weighted sum {@code Σ_k α_k · op_k(x)} over the candidate ops.
 * <p>
 * Inputs: the edge's input {@code x} and its weight row {@code α} (shape [numOps]). The
 * {@code none} op is skipped: its output is zero, so it adds neither value nor gradient. When the
 * {@link OpSelection} samples one op for this edge (GDAS), only that op runs and the other weights
 * are added as scalars, so they still receive their (straight-through) gradient.
 */
public final class MixedEdge extends AbstractBlock {

    private final List<Block> opBlocks = new ArrayList<>();
    private final List<Integer> opColumns = new ArrayList<>();
    private final OpSelection selection;
    private final int row;

    /**
     * Creates the edge.
     * @param space The candidate ops (their order indexes α).
     * @param channels Channels in and out.
     * @param selection Which ops run; shared with the search.
     * @param row This edge's α row.
     */
    public MixedEdge(Nb201Space space, int channels, OpSelection selection, int row) {
        this.selection = selection;
        this.row = row;
        List<Nb201Op> ops = space.ops();
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k) != Nb201Op.NONE) {
                opBlocks.add(addChildBlock(ops.get(k).opName(), Layers.nb201Op(ops.get(k), channels, false)));
                opColumns.add(k);
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = new NDList(inputs.get(0));
        NDArray alphaRow = inputs.get(1);
        int sampled = selection.sampledOp(row);
        if (sampled >= 0) {
            return new NDList(sampledForward(ps, x, alphaRow, sampled, training));
        }
        NDArray sum = null;
        for (int i = 0; i < opBlocks.size(); i++) {
            NDArray weighted = opBlocks.get(i).forward(ps, x, training).singletonOrThrow()
                    .mul(alphaRow.get(opColumns.get(i)));
            sum = sum == null ? weighted : sum.add(weighted);
        }
        if (sum == null) {
            sum = inputs.get(0).zerosLike();
        }
        return new NDList(sum);
    }

    private NDArray sampledForward(ParameterStore ps, NDList x, NDArray alphaRow, int sampled, boolean training) {
        int block = opColumns.indexOf(sampled);
        NDArray out = block < 0 ? x.singletonOrThrow().zerosLike()
                : opBlocks.get(block).forward(ps, x, training).singletonOrThrow().mul(alphaRow.get(sampled));
        long cols = alphaRow.getShape().get(0);
        if (cols > 1) {
            // The unsampled weights: 0 in value for a straight-through sample, but they carry gradient.
            NDArray others = alphaRow.sum().sub(alphaRow.get(sampled));
            out = out.add(others);
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block op : opBlocks) {
            op.initialize(manager, dataType, inputShapes[0]);
        }
    }
}
