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
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.space.OpSelection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One edge of a DARTS search cell: {@code Σ_k w_k · op_k(x)} over the candidate ops, where
 * {@code w} is the edge's α row.
 * <p>
 * Inputs: {@code x} [B, C, H, W] and the α row {@code w} [numOps]. {@code none} is skipped in
 * the sum: its output is zero, so it adds neither value nor gradient.
 * <p>
 * When the {@link OpSelection} samples op k* for this edge's α row, only that op runs and the
 * output is {@code w_k*·op_k*(x) + Σ_{k≠k*} w_k}: the other weights are broadcast scalars, 0 in
 * value for a straight-through one-hot sample but carrying their gradient (AutoDL's GDAS). A
 * sampled {@code none} gives zeros plus that sum.
 */
public final class DartsMixedOp extends AbstractBlock {

    private final List<DartsOp> ops;
    private final List<Block> blocks = new ArrayList<>();
    private final int stride;
    private final int row;
    private final OpSelection selection;

    /**
     * Creates the edge.
     * @param ops The candidate ops, in α's column order.
     * @param channels Channels in and out.
     * @param stride 1 or 2.
     * @param row The edge's global α row, which the selection is queried with.
     * @param selection Which ops run; shared with the search.
     */
    public DartsMixedOp(List<DartsOp> ops, int channels, int stride, int row, OpSelection selection) {
        this.ops = List.copyOf(ops);
        this.stride = stride;
        this.row = row;
        this.selection = selection;
        for (DartsOp op : this.ops) {
            blocks.add(addChildBlock(op.opName(), DartsOps.searchOp(op, channels, stride)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = new NDList(inputs.get(0));
        NDArray w = inputs.get(1);
        int sampled = selection.sampledOp(row);
        if (sampled >= 0) {
            return new NDList(sampledForward(ps, x, w, sampled, training));
        }
        NDArray sum = null;
        for (int k = 0; k < blocks.size(); k++) {
            if (ops.get(k) != DartsOp.NONE) {
                NDArray weighted = blocks.get(k).forward(ps, x, training).singletonOrThrow().mul(w.get(k));
                sum = sum == null ? weighted : sum.add(weighted);
            }
        }
        return new NDList(sum == null ? zeros(x) : sum);
    }

    private NDArray sampledForward(ParameterStore ps, NDList x, NDArray w, int sampled, boolean training) {
        if (sampled >= ops.size()) {
            throw new IllegalArgumentException("sampled op " + sampled + " of α row " + row + " is out of range for "
                    + ops.size() + " ops");
        }
        NDArray out = blocks.get(sampled).forward(ps, x, training).singletonOrThrow();
        if (ops.get(sampled) != DartsOp.NONE) {
            out = out.mul(w.get(sampled));
        }
        float[] others = new float[ops.size()];
        Arrays.fill(others, 1f);
        others[sampled] = 0f;
        // Created on the activations' manager so the scalar lives as long as the step.
        NDArray mask = out.getManager().create(others).toType(w.getDataType(), false);
        return out.add(mask.mul(w).sum());
    }

    private NDArray zeros(NDList x) {
        Shape out = getOutputShapes(new Shape[]{x.head().getShape()})[0];
        return x.head().getManager().zeros(out, x.head().getDataType(), x.head().getDevice());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.strided(inputShapes[0], inputShapes[0].get(1), stride)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block block : blocks) {
            block.initialize(manager, dataType, inputShapes[0]);
        }
    }
}
