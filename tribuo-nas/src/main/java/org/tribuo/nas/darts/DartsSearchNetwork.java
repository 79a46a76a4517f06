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
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.TorchDefaultInit;

import java.util.List;

/**
 * The DARTS / PC-DARTS search supernet: stem (bias-free conv 3x3 to 3C, affine batch norm), then
 * {@code depth} search cells ({@link FusedDartsSearchCell} by default, or {@link DartsSearchCell};
 * the same function), the ones at depth/3 and 2·depth/3 being reduction
 * cells that double C, each reading the outputs of the two cells before it
 * ({@code s0, s1 = s1, cell(s0, s1)}), then global average pooling and a linear classifier.
 * <p>
 * Inputs: {@code [x, α]}, or {@code [x, α, β]} when the settings weigh edges; x is
 * [B, channels, H, W] with H and W divisible by 4, α is [28, numOps], β is [28]. Output:
 * {@code [logits]}, [B, numClasses].
 */
public final class DartsSearchNetwork extends AbstractBlock {

    private static final int STEM_MULTIPLIER = 3;

    private final int numClasses;
    private final boolean edgeWeights;
    private final Conv2d stem;
    private final BatchNorm stemNorm;
    private final Block[] cells;
    private final Linear classifier;

    /**
     * Creates the supernet, uninitialized.
     * @param ops The candidate ops, in α's column order.
     * @param settings C, the number of cells, K and whether edges are weighted.
     * @param numClasses Number of classes.
     */
    public DartsSearchNetwork(List<DartsOp> ops, SupernetSettings settings, int numClasses) {
        this(ops, settings, numClasses, CellImplementation.FUSED);
    }

    /**
     * Creates the supernet, uninitialized, with the given cell implementation.
     * @param ops The candidate ops, in α's column order.
     * @param settings C, the number of cells, K and whether edges are weighted.
     * @param numClasses Number of classes.
     * @param cellImplementation {@link CellImplementation#FUSED} ({@link FusedDartsSearchCell}, the
     * default) or {@link CellImplementation#PLAIN} ({@link DartsSearchCell}): the same function,
     * different parameter layouts.
     */
    public DartsSearchNetwork(List<DartsOp> ops, SupernetSettings settings, int numClasses,
                              CellImplementation cellImplementation) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("the number of classes must be positive, got " + numClasses);
        }
        this.numClasses = numClasses;
        this.edgeWeights = settings.edgeWeights();
        int c = settings.channels();
        stem = addChildBlock("stem", CheckedConv2d.of(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(STEM_MULTIPLIER * c)
                .optPadding(new Shape(1, 1)).optBias(false)));
        stemNorm = addChildBlock("stem_bn", Layers.batchNorm(true));
        cells = new Block[settings.depth()];
        boolean reductionPrev = false;
        for (int i = 0; i < cells.length; i++) {
            boolean reduction = DartsCellLayout.isReduction(i, cells.length);
            if (reduction) {
                c *= 2;
            }
            Block cell = cellImplementation == CellImplementation.FUSED
                    ? new FusedDartsSearchCell(ops, c, reduction, reductionPrev, settings.partialChannels())
                    : new DartsSearchCell(ops, c, reduction, reductionPrev, settings.partialChannels());
            cells[i] = addChildBlock("cell" + i, cell);
            reductionPrev = reduction;
        }
        classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());

        TorchDefaultInit.applyTo(this);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        checkInputCount(inputs.size());
        NDList archWeights = inputs.subNDList(1);
        NDArray s0 = stemNorm.forward(ps, stem.forward(ps, new NDList(inputs.get(0)), training), training)
                .singletonOrThrow();
        NDArray s1 = s0;
        for (Block cell : cells) {
            NDList in = new NDList(s0, s1);
            in.addAll(archWeights);
            NDArray next = cell.forward(ps, in, training, params).singletonOrThrow();
            s0 = s1;
            s1 = next;
        }
        return classifier.forward(ps, new NDList(DartsCellLayout.globalAveragePool(s1)), training);
    }

    private void checkInputCount(int count) {
        int expected = edgeWeights ? 3 : 2;
        if (count != expected) {
            throw new IllegalArgumentException("the DARTS supernet takes " + (edgeWeights ? "[x, α, β]" : "[x, α]")
                    + " (edge weights " + (edgeWeights ? "on" : "off") + "), got " + count + " inputs");
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputCount(inputShapes.length);
        if (inputShapes[1].dimension() != 2 || inputShapes[1].get(0) != DartsCellLayout.ALPHA_ROWS) {
            throw new IllegalArgumentException("α must be [" + DartsCellLayout.ALPHA_ROWS + ", numOps], got " + inputShapes[1]);
        }
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape s1 = stem.getOutputShapes(new Shape[]{inputShapes[0]})[0];
        stemNorm.initialize(manager, dataType, s1);
        Shape s0 = s1;
        for (Block cell : cells) {
            Shape[] in = new Shape[inputShapes.length + 1];
            in[0] = s0;
            in[1] = s1;
            System.arraycopy(inputShapes, 1, in, 2, inputShapes.length - 1);
            cell.initialize(manager, dataType, in);
            s0 = s1;
            s1 = cell.getOutputShapes(in)[0];
        }
        classifier.initialize(manager, dataType, new Shape(s1.get(0), s1.get(1)));
    }
}
