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

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * DARTS's {@code SepConv}, the {@code sep_conv} ops: two {@link DepthwiseSeparableConv} stacks,
 * the stride on the first only; the first keeps the input channels, as DARTS.
 */
public final class SepConv extends AbstractBlock implements OnnxBlock {

    private final DepthwiseSeparableConv first;
    private final DepthwiseSeparableConv second;

    /**
     * Creates the op.
     * @param channels Channels in and out.
     * @param kernel 3 or 5.
     * @param stride 1 or 2.
     * @param affine Whether the batch norms learn a scale and shift.
     */
    public SepConv(int channels, int kernel, int stride, boolean affine) {
        int padding = kernel / 2;
        first = addChildBlock("stack_1", new DepthwiseSeparableConv(channels, channels, kernel, stride, padding, 1, affine));
        second = addChildBlock("stack_2", new DepthwiseSeparableConv(channels, channels, kernel, 1, padding, 1, affine));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return second.forward(ps, first.forward(ps, inputs, training), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return second.getOutputShapes(first.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes);
        second.initialize(manager, dataType, first.getOutputShapes(inputShapes));
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        return writer.write(second, writer.write(first, inputs.get(0)));
    }
}
