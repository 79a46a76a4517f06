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

import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.nn.TorchDefaultInit;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;

/**
 * The NAS-Bench-201 macro skeleton:
 * <pre>
 *   stem (conv 3x3 + BN) → N cells at C → residual reduction → N cells at 2C
 *   → residual reduction → N cells at 4C → BN → ReLU → global average pool → linear
 * </pre>
 * The same skeleton carries the supernet (search cells, input {@code [x, α]}) and the network
 * of a genotype (fixed cells, input {@code [x]}). Output: class logits [batch, numClasses].
 * A {@link MemoryLayout} re-lays the stem's output; the layers after it keep that layout.
 */
public final class Nb201Network extends AbstractBlock implements OnnxBlock {

    private final int numClasses;
    private final Conv2d stem;
    private final BatchNorm stemNorm;
    /** Cells and reductions in order; cells get the extra inputs, reductions do not. */
    private final List<Block> body = new ArrayList<>();
    private final List<Boolean> isCell = new ArrayList<>();
    private final BatchNorm lastNorm;
    private final Linear classifier;
    private final MemoryLayout layout;

    /**
     * Creates the network.
     * @param channels C, the channels of the first stage.
     * @param cellsPerStage N, the cells in each of the three stages.
     * @param numClasses Number of output classes.
     * @param cells Makes each cell.
     */
    public Nb201Network(int channels, int cellsPerStage, int numClasses, CellFactory cells) {
        this(channels, cellsPerStage, numClasses, cells, MemoryLayout.CONTIGUOUS);
    }

    /**
     * Creates the network with a memory layout for its activations.
     * @param channels C, the channels of the first stage.
     * @param cellsPerStage N, the cells in each of the three stages.
     * @param numClasses Number of output classes.
     * @param cells Makes each cell.
     * @param layout The layout the stem's output (and so every later activation) takes.
     */
    public Nb201Network(int channels, int cellsPerStage, int numClasses, CellFactory cells, MemoryLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        if (channels <= 0 || cellsPerStage <= 0 || numClasses <= 0) {
            throw new IllegalArgumentException("channels, cells per stage and classes must be positive, got C="
                    + channels + ", N=" + cellsPerStage + ", classes=" + numClasses);
        }
        this.numClasses = numClasses;
        stem = addChildBlock("stem", CheckedConv2d.of(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(channels)
                .optPadding(new Shape(1, 1)).optBias(false)));
        stemNorm = addChildBlock("stem_bn", Layers.batchNorm(true));
        int c = channels;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                c *= 2;
                addBody("reduce" + stage, new ResidualReduction(c), false);
            }
            for (int i = 0; i < cellsPerStage; i++) {
                addBody("cell" + stage + "_" + i, cells.create(c), true);
            }
        }
        lastNorm = addChildBlock("last_bn", Layers.batchNorm(true));
        classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());

        TorchDefaultInit.applyTo(this);
    }

    private void addBody(String name, Block block, boolean cell) {
        body.add(addChildBlock(name, block));
        isCell.add(cell);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList extras = inputs.subNDList(1);
        NDArray stemOut = layout.arrange(stem.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow());
        NDList x = stemNorm.forward(ps, new NDList(stemOut), training);
        for (int i = 0; i < body.size(); i++) {
            NDList in = x;
            if (isCell.get(i)) {
                in = new NDList(x.singletonOrThrow());
                in.addAll(extras);
            }
            x = body.get(i).forward(ps, in, training, params);
        }
        NDArray activated = Activation.relu(lastNorm.forward(ps, x, training).singletonOrThrow());
        Shape s = activated.getShape();
        NDArray features = activated.reshape(s.get(0), s.get(1), -1).mean(new int[]{2});
        return classifier.forward(ps, new NDList(features), training);
    }

    /**
     * The input shape of every cell, in network order, for a network input shape.
     * @param input The network's input shape [B, C, H, W].
     * @return One shape per cell.
     */
    public List<Shape> cellInputShapes(Shape input) {
        Shape shape = stem.getOutputShapes(new Shape[]{input})[0];
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (isCell.get(i)) {
                shapes.add(shape);
            }
            shape = body.get(i).getOutputShapes(new Shape[]{shape})[0];
        }
        return shapes;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] extras = Arrays.copyOfRange(inputShapes, 1, inputShapes.length);
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape shape = stem.getOutputShapes(new Shape[]{inputShapes[0]})[0];
        stemNorm.initialize(manager, dataType, shape);
        for (int i = 0; i < body.size(); i++) {
            Shape[] in = new Shape[]{shape};
            if (isCell.get(i)) {
                in = new Shape[1 + extras.length];
                in[0] = shape;
                System.arraycopy(extras, 0, in, 1, extras.length);
            }
            body.get(i).initialize(manager, dataType, in);
            shape = body.get(i).getOutputShapes(in)[0];
        }
        lastNorm.initialize(manager, dataType, shape);
        classifier.initialize(manager, dataType, new Shape(shape.get(0), shape.get(1)));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        if (inputs.size() != 1) {
            throw new UnsupportedOperationException("only a network without architecture inputs (a final network) exports to ONNX");
        }
        ONNXRef<?> x = writer.batchNorm(writer.conv(inputs.get(0), stem), stemNorm);
        for (Block block : body) {
            x = writer.write(block, x);
        }
        ONNXRef<?> activated = writer.relu(writer.batchNorm(x, lastNorm));
        return writer.linear(writer.globalAveragePool(activated), classifier);
    }
}
