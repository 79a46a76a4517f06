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
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.space.DropPathControl;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.TorchDefaultInit;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * The network of a DARTS genotype, DARTS's {@code NetworkCIFAR}: stem (bias-free conv 3x3 to 3C,
 * batch norm), {@code depth} {@link DartsCell}s (reduction cells at depth/3 and 2·depth/3 double
 * C; each cell reads the outputs of the two before it), global average pooling and a linear
 * classifier.
 * <p>
 * With an auxiliary head ({@link NetworkSettings#auxiliaryHead()}), the {@link AuxiliaryHead}
 * reads the output of cell 2·depth/3 in training forward passes, which then return
 * {@code [logits, auxLogits]}; inference returns {@code [logits]}. The head needs features of at
 * least 5x5 there (inputs of at least 20x20). <b>Deviation from DARTS:</b> the head's second
 * convolution has a min(2, pooled size) kernel, so 28x28 inputs work (see {@link AuxiliaryHead}).
 * <p>
 * Drop-path ({@link #setDropPath(float, long)}) applies to training forward passes only.
 * Input: {@code [x]}, [B, channels, H, W] with H and W divisible by 4.
 */
public final class DartsNetwork extends AbstractBlock implements DropPathControl, OnnxBlock {

    private static final int STEM_MULTIPLIER = 3;

    private final int numClasses;
    private final int auxiliaryIndex;
    private final DropPath dropPath = new DropPath();
    private final Conv2d stem;
    private final BatchNorm stemNorm;
    private final DartsCell[] cells;
    private final AuxiliaryHead auxiliary;
    private final Linear classifier;

    /**
     * Creates the network, uninitialized.
     * @param genotype The cells.
     * @param settings C, the number of cells and whether there is an auxiliary head.
     * @param numClasses Number of classes.
     */
    public DartsNetwork(DartsGenotype genotype, NetworkSettings settings, int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("the number of classes must be positive, got " + numClasses);
        }
        this.numClasses = numClasses;
        int c = settings.channels();
        stem = addChildBlock("stem", CheckedConv2d.of(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(STEM_MULTIPLIER * c)
                .optPadding(new Shape(1, 1)).optBias(false)));
        stemNorm = addChildBlock("stem_bn", Layers.batchNorm(true));
        cells = new DartsCell[settings.depth()];
        auxiliaryIndex = 2 * cells.length / 3;
        boolean reductionPrev = false;
        for (int i = 0; i < cells.length; i++) {
            boolean reduction = DartsCellLayout.isReduction(i, cells.length);
            if (reduction) {
                c *= 2;
            }
            cells[i] = addChildBlock("cell" + i, new DartsCell(genotype, c, reduction, reductionPrev, dropPath));
            reductionPrev = reduction;
        }
        auxiliary = settings.auxiliaryHead() ? addChildBlock("auxiliary", new AuxiliaryHead(numClasses)) : null;
        classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());

        TorchDefaultInit.applyTo(this);
    }

    @Override
    public void setDropPath(float probability, long seed) {
        dropPath.set(probability, seed);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray s0 = stemNorm.forward(ps, stem.forward(ps, new NDList(inputs.get(0)), training), training)
                .singletonOrThrow();
        NDArray s1 = s0;
        NDArray auxLogits = null;
        for (int i = 0; i < cells.length; i++) {
            NDArray next = cells[i].forward(ps, new NDList(s0, s1), training).singletonOrThrow();
            s0 = s1;
            s1 = next;
            if (i == auxiliaryIndex && auxiliary != null && training) {
                auxLogits = auxiliary.forward(ps, new NDList(s1), true).singletonOrThrow();
            }
        }
        NDList logits = classifier.forward(ps, new NDList(DartsCellLayout.globalAveragePool(s1)), training);
        return auxLogits == null ? logits : new NDList(logits.singletonOrThrow(), auxLogits);
    }

    /**
     * The inference output shape, {@code [B, numClasses]}; a training forward with an auxiliary
     * head adds a second output of the same shape.
     * @param inputShapes The shape of x.
     * @return The logits shape.
     */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape s1 = stem.getOutputShapes(new Shape[]{inputShapes[0]})[0];
        stemNorm.initialize(manager, dataType, s1);
        Shape s0 = s1;
        for (int i = 0; i < cells.length; i++) {
            Shape[] in = {s0, s1};
            cells[i].initialize(manager, dataType, in);
            s0 = s1;
            s1 = cells[i].getOutputShapes(in)[0];
            if (i == auxiliaryIndex && auxiliary != null) {
                auxiliary.initialize(manager, dataType, s1);
            }
        }
        classifier.initialize(manager, dataType, new Shape(s1.get(0), s1.get(1)));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> s0 = writer.batchNorm(writer.conv(inputs.get(0), stem), stemNorm);
        ONNXRef<?> s1 = s0;
        for (DartsCell cell : cells) {
            ONNXRef<?> next = writer.write(cell, List.of(s0, s1));
            s0 = s1;
            s1 = next;
        }
        // The auxiliary head only trains; inference ends at the classifier.
        return writer.linear(writer.globalAveragePool(s1), classifier);
    }
}
