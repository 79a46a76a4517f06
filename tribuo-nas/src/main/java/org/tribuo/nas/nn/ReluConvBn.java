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

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * ReLU, then a bias-free convolution, then batch norm: NAS-Bench-201's {@code ReLUConvBN}.
 * <p>
 * The convolution has no bias because the batch norm that follows removes it anyway.
 */
public final class ReluConvBn extends AbstractBlock implements OnnxBlock {

    private final Conv2d conv;
    private final BatchNorm norm;

    /**
     * Creates the block.
     * @param outChannels Output channels.
     * @param kernel Square kernel size.
     * @param stride Stride.
     * @param padding Zero padding on each side.
     * @param affine Whether the batch norm learns a scale and shift (false in search cells).
     */
    public ReluConvBn(int outChannels, int kernel, int stride, int padding, boolean affine) {
        conv = addChildBlock("conv", CheckedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(outChannels)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(false)
                ));
        norm = addChildBlock("bn", Layers.batchNorm(affine));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList activated = new NDList(Activation.relu(inputs.singletonOrThrow()));
        return norm.forward(ps, conv.forward(ps, activated, training), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        norm.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        return writer.batchNorm(writer.conv(writer.relu(inputs.get(0)), conv), norm);
    }
}
