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

import org.tribuo.nas.space.OpSelection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The mixed edge of a supernet: one candidate op per column of α, mixed by the edge's α row.
 * Forward inputs {@code [x, alphaRow]}, output {@code [y]} of x's shape.
 * <ul>
 *     <li>Continuous (the call's {@link OpSelection} samples nothing): {@code y = Σ_k α_k·op_k(x)}, the
 *     zero op ({@code none}) skipped.</li>
 *     <li>Sampled (Gumbel): only the sampled op s runs, {@code y = α_s·op_s(x) + Σ_{k≠s} α_k}.
 *     For a straight-through one-hot sample the added sum is 0 in value but gives every other
 *     weight its gradient, as GDAS does; {@link #unsampledWeights} is that sum.</li>
 * </ul>
 * Every candidate maps x to a tensor of the edge's output shape: x's shape, or the shape a
 * strided edge gives (a reduction cell's edges halve height and width). A space builds its
 * supernet from these blocks, one per edge; the {@link OpSelection} comes with each forward call.
 */
public final class MixedOp extends AbstractBlock {

    private final List<Block> candidates;
    private final int row;
    private final UnaryOperator<Shape> outputShape;

    /**
     * Creates the mixed edge.
     * @param names The candidate ops' names, in α's column order (the child block names).
     * @param candidates The candidate ops' blocks, aligned with the names; null for the zero op.
     * @param row The edge's α row, which the forward call's {@link OpSelection} is queried with.
     */
    public MixedOp(List<String> names, List<Block> candidates, int row) {
        this(names, candidates, row, UnaryOperator.identity());
    }

    /**
     * Creates a mixed edge whose output shape differs from its input's (a strided edge).
     * @param names The candidate ops' names, in α's column order (the child block names).
     * @param candidates The candidate ops' blocks, aligned with the names; null for the zero op.
     * @param row The edge's α row, which the forward call's {@link OpSelection} is queried with.
     * @param outputShape The edge's output shape for an input shape (the zero op's output too).
     */
    public MixedOp(List<String> names, List<Block> candidates, int row, UnaryOperator<Shape> outputShape) {
        if (names.size() != candidates.size() || names.isEmpty()) {
            throw new IllegalArgumentException("expected one name per candidate op, got " + names.size() + " names for "
                    + candidates.size() + " ops");
        }
        this.row = row;
        this.outputShape = Objects.requireNonNull(outputShape, "outputShape");
        List<Block> blocks = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Block op = candidates.get(k);
            blocks.add(op == null ? null : addChildBlock(names.get(k), op));
        }
        this.candidates = Collections.unmodifiableList(blocks);
    }

    /**
     * The sum of an α row's weights other than the sampled one: 0 in value after a
     * straight-through one-hot sample, with a gradient of 1 for each weight.
     * @param alphaRow The edge's α row.
     * @param sampled The sampled column.
     * @return A scalar, or null for a single-op row.
     */
    public static NDArray unsampledWeights(NDArray alphaRow, int sampled) {
        return alphaRow.getShape().get(0) > 1 ? alphaRow.sum().sub(alphaRow.get(sampled)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray alphaRow = inputs.get(1);
        int sampled = OpSelection.of(params).sampledOp(row);
        if (sampled >= 0) {
            return new NDList(sampledForward(ps, x, alphaRow, sampled, training));
        }
        NDArray sum = null;
        for (int k = 0; k < candidates.size(); k++) {
            Block op = candidates.get(k);
            if (op != null) {
                NDArray weighted = op.forward(ps, new NDList(x), training).singletonOrThrow().mul(alphaRow.get(k));
                sum = sum == null ? weighted : sum.add(weighted);
            }
        }
        return new NDList(sum == null ? zeros(x) : sum);
    }

    private NDArray sampledForward(ParameterStore ps, NDArray x, NDArray alphaRow, int sampled, boolean training) {
        if (sampled >= candidates.size()) {
            throw new IllegalStateException("sampled op " + sampled + " of α row " + row + " is outside the "
                    + candidates.size() + " candidate ops");
        }
        Block op = candidates.get(sampled);
        NDArray out = op == null ? zeros(x)
                : op.forward(ps, new NDList(x), training).singletonOrThrow().mul(alphaRow.get(sampled));
        NDArray others = unsampledWeights(alphaRow, sampled);
        return others == null ? out : out.add(others);
    }

    private NDArray zeros(NDArray x) {
        return x.getManager().zeros(outputShape.apply(x.getShape()), x.getDataType(), x.getDevice());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{outputShape.apply(inputShapes[0])};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block op : candidates) {
            if (op != null) {
                op.initialize(manager, dataType, inputShapes[0]);
            }
        }
    }
}
