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

import org.tribuo.nas.nn.ReluConvBn;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * The residual reduction block between NAS-Bench-201 stages (AutoDL's {@code ResNetBasicblock}
 * at stride 2): {@code ReLUConvBN 3x3/2 → ReLUConvBN 3x3} plus a shortcut
 * {@code AvgPool 2x2/2 → Conv 1x1} (no batch norm), summed. Halves the resolution and sets the
 * channel count.
 * <p>
 * The shortcut pool uses ceiling mode so that odd sizes (7x7) shrink exactly like the strided
 * convolution; for even sizes this is the reference's pooling.
 */
public final class ResidualReduction extends AbstractBlock implements OnnxBlock {

    private static final Shape TWO = new Shape(2, 2);
    private static final Shape ZERO = new Shape(0, 0);

    private final ReluConvBn convA;
    private final ReluConvBn convB;
    private final Conv2d shortcut;

    /**
     * Creates the block.
     * @param outChannels Output channels.
     */
    public ResidualReduction(int outChannels) {
        convA = addChildBlock("conv_a", new ReluConvBn(outChannels, 3, 2, 1, true));
        convB = addChildBlock("conv_b", new ReluConvBn(outChannels, 3, 1, 1, true));
        shortcut = addChildBlock("shortcut", CheckedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(1, 1)).setFilters(outChannels).optBias(false)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray residual = convB.forward(ps, convA.forward(ps, inputs, training), training).singletonOrThrow();
        NDArray pooled = Pool.avgPool2d(x, TWO, TWO, ZERO, true, false);
        return new NDList(residual.add(shortcut.forward(ps, new NDList(pooled), training).singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return convA.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        convA.initialize(manager, dataType, inputShapes);
        Shape reduced = convA.getOutputShapes(inputShapes)[0];
        convB.initialize(manager, dataType, reduced);
        shortcut.initialize(manager, dataType, new Shape(inputShapes[0].get(0), inputShapes[0].get(1), reduced.get(2), reduced.get(3)));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> x = inputs.get(0);
        ONNXRef<?> residual = writer.write(convB, writer.write(convA, x));
        ONNXRef<?> pooled = writer.averagePool(x, TWO, TWO, ZERO, true, false);
        return writer.add(residual, writer.conv(pooled, shortcut));
    }
}
