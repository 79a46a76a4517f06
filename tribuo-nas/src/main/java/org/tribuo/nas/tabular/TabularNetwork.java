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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.TorchDefaultInit;

import java.util.function.IntFunction;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * The tabular macro skeleton, an MLP trunk whose cells are searched:
 * <pre>
 *   flatten [B, d, 1, 1] → [B, d] → Linear d→W → BN → ReLU → depth cells at width W
 *   → BN → ReLU → Linear W→classes
 * </pre>
 * The same skeleton carries the supernet (search cells, input {@code [x, α]}) and the network
 * of a genotype (fixed cells, input {@code [x]}). Output: class logits [batch, numClasses].
 * The stem and final batch norms are affine. Training forward passes need batches of at least
 * two rows (batch norm over one row is undefined).
 */
final class TabularNetwork extends AbstractBlock implements OnnxBlock {

    private final int numClasses;
    private final Linear stem;
    private final BatchNorm stemNorm;
    private final Block[] cells;
    private final BatchNorm lastNorm;
    private final Linear classifier;

    /**
     * Creates the network.
     * @param width W, the hidden width.
     * @param depth The number of cells.
     * @param numClasses Number of output classes.
     * @param cellFactory Makes each cell from the width.
     */
    TabularNetwork(int width, int depth, int numClasses, IntFunction<Block> cellFactory) {
        if (width <= 0 || depth <= 0 || numClasses <= 0) {
            throw new IllegalArgumentException("width, depth and classes must be positive, got W=" + width
                    + ", depth=" + depth + ", classes=" + numClasses);
        }
        this.numClasses = numClasses;
        stem = addChildBlock("stem", TabularLayers.linear(width));
        stemNorm = addChildBlock("stem_bn", Layers.batchNorm(true));
        cells = new Block[depth];
        for (int i = 0; i < depth; i++) {
            cells[i] = addChildBlock("cell" + i, cellFactory.apply(width));
        }
        lastNorm = addChildBlock("last_bn", Layers.batchNorm(true));
        classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());

        TorchDefaultInit.applyTo(this);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList extras = inputs.subNDList(1);
        NDArray x = inputs.get(0);
        NDArray flat = x.reshape(x.getShape().get(0), -1);
        NDArray h = stemNorm.forward(ps, stem.forward(ps, new NDList(flat), training), training).singletonOrThrow();
        h = Activation.relu(h);
        for (Block cell : cells) {
            NDList in = new NDList(h);
            in.addAll(extras);
            h = cell.forward(ps, in, training, params).singletonOrThrow();
        }
        NDArray activated = Activation.relu(lastNorm.forward(ps, new NDList(h), training).singletonOrThrow());
        return classifier.forward(ps, new NDList(activated), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape flat = new Shape(x.get(0), x.slice(1).size());
        stem.initialize(manager, dataType, flat);
        Shape hidden = stem.getOutputShapes(new Shape[]{flat})[0];
        stemNorm.initialize(manager, dataType, hidden);
        for (Block cell : cells) {
            Shape[] in = new Shape[inputShapes.length];
            in[0] = hidden;
            System.arraycopy(inputShapes, 1, in, 1, inputShapes.length - 1);
            cell.initialize(manager, dataType, in);
        }
        lastNorm.initialize(manager, dataType, hidden);
        classifier.initialize(manager, dataType, hidden);
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        if (inputs.size() != 1) {
            throw new UnsupportedOperationException("only a network without architecture inputs (a final network) exports to ONNX");
        }
        ONNXRef<?> h = writer.relu(writer.batchNorm(writer.linear(writer.flatten(inputs.get(0)), stem), stemNorm));
        for (Block cell : cells) {
            h = writer.write(cell, h);
        }
        return writer.linear(writer.relu(writer.batchNorm(h, lastNorm)), classifier);
    }
}
