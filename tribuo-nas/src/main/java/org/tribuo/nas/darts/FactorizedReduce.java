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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * DARTS's {@code FactorizedReduce}: halves the resolution without losing every other pixel.
 * ReLU, then two bias-free 1x1 convolutions of stride 2 with half the output channels each, the
 * second on the input shifted by one pixel ({@code x[:, :, 1:, 1:]}); their outputs are
 * concatenated along the channels and batch normalized.
 * <p>
 * The input height and width must be even, as in DARTS.
 */
public final class FactorizedReduce extends AbstractBlock implements OnnxBlock {

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);

    private final int outChannels;
    private final Conv2d convA;
    private final Conv2d convB;
    private final BatchNorm norm;

    /**
     * Creates the block.
     * @param outChannels Output channels, even.
     * @param affine Whether the batch norm learns a scale and shift.
     */
    public FactorizedReduce(int outChannels, boolean affine) {
        if (outChannels % 2 != 0) {
            throw new IllegalArgumentException("FactorizedReduce needs an even number of output channels, got " + outChannels);
        }
        this.outChannels = outChannels;
        convA = addChildBlock("conv_1", halfConv(outChannels / 2));
        convB = addChildBlock("conv_2", halfConv(outChannels / 2));
        norm = addChildBlock("bn", Layers.batchNorm(affine));
    }

    private static Conv2d halfConv(int filters) {
        return CheckedConv2d.of(Conv2d.builder().setKernelShape(ONE).setFilters(filters).optStride(TWO).optBias(false));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Activation.relu(inputs.singletonOrThrow());
        NDArray a = convA.forward(ps, new NDList(x), training).singletonOrThrow();
        NDArray b = convB.forward(ps, new NDList(x.get(":, :, 1:, 1:")), training).singletonOrThrow();
        return norm.forward(ps, new NDList(NDArrays.concat(new NDList(a, b), 1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.strided(inputShapes[0], outChannels, 2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        DartsCellLayout.checkEven(inputShapes[0], "FactorizedReduce");
        convA.initialize(manager, dataType, inputShapes[0]);
        convB.initialize(manager, dataType, inputShapes[0]);
        norm.initialize(manager, dataType, getOutputShapes(inputShapes));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> x = writer.relu(inputs.get(0));
        ONNXRef<?> a = writer.conv(x, convA);
        ONNXRef<?> shifted = writer.slice(x, new long[]{1, 1}, new long[]{Long.MAX_VALUE, Long.MAX_VALUE},
                new long[]{2, 3}, new long[]{1, 1});
        ONNXRef<?> b = writer.conv(shifted, convB);
        return writer.batchNorm(writer.concat(List.of(a, b), 1), norm);
    }
}
