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
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.DepthwiseConvolution;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * ReLU, a bias-free depthwise k×k convolution (one filter per channel, optionally dilated), a
 * bias-free pointwise 1x1 convolution, batch norm: DARTS's {@code DilConv}, and one half of its
 * {@code SepConv}. With dilation 2 it is the {@code dil_conv} op.
 */
public final class DepthwiseSeparableConv extends AbstractBlock implements OnnxBlock {

    private final Conv2d depthwise;
    private final Conv2d pointwise;
    private final BatchNorm norm;
    private final int stride;
    private final int dilation;
    /** Whether the padding keeps the map size at stride 1 (as in every DARTS op). */
    private final boolean samePadding;

    /**
     * Creates the block.
     * @param inChannels Input channels (the depthwise convolution's groups).
     * @param outChannels Output channels.
     * @param kernel Square kernel size.
     * @param stride Stride of the depthwise convolution.
     * @param padding Zero padding on each side.
     * @param dilation Dilation of the depthwise convolution.
     * @param affine Whether the batch norm learns a scale and shift.
     */
    public DepthwiseSeparableConv(int inChannels, int outChannels, int kernel, int stride, int padding, int dilation,
                                  boolean affine) {
        this.stride = stride;
        this.dilation = dilation;
        this.samePadding = kernel % 2 == 1 && padding == dilation * (kernel - 1) / 2;
        depthwise = addChildBlock("depthwise", CheckedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters(inChannels)
                .optGroups(inChannels)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optDilation(new Shape(dilation, dilation))
                .optBias(false)
                ));
        pointwise = addChildBlock("pointwise", CheckedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(1, 1))
                .setFilters(outChannels)
                .optBias(false)
                ));
        norm = addChildBlock("bn", Layers.batchNorm(affine));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = Activation.relu(inputs.singletonOrThrow());
        NDList spatial;
        if (samePadding) {
            // Same math, in the form that keeps oneDNN on its direct kernels (see DepthwiseConvolution).
            NDArray kernel = ps.getValue(depthwise.getParameters().get("weight"), x.getDevice(), training);
            spatial = new NDList(DepthwiseConvolution.depthwise(x, kernel, stride, dilation));
        } else {
            spatial = depthwise.forward(ps, new NDList(x), training);
        }
        return norm.forward(ps, pointwise.forward(ps, spatial, training), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return pointwise.getOutputShapes(depthwise.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        depthwise.initialize(manager, dataType, inputShapes);
        Shape[] spatial = depthwise.getOutputShapes(inputShapes);
        pointwise.initialize(manager, dataType, spatial);
        norm.initialize(manager, dataType, pointwise.getOutputShapes(spatial));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> spatial = writer.conv(writer.relu(inputs.get(0)), depthwise);
        return writer.batchNorm(writer.conv(spatial, pointwise), norm);
    }
}
