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
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.AveragePooling;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * A 3x3 pooling op with padding 1: max pooling, or average pooling that does not count the
 * padded zeros; in the search network followed by a non-affine batch norm, as DARTS's
 * {@code MixedOp} adds one after every pool.
 * <p>
 * The average is over the valid cells through {@link AveragePooling}, since DJL's PyTorch engine
 * ignores {@code countIncludePad=false}.
 */
public final class PoolOp extends AbstractBlock implements OnnxBlock {

    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape PADDING = new Shape(1, 1);

    private final boolean max;
    private final Shape stride;
    private final BatchNorm norm;

    /**
     * Creates the op.
     * @param max True for max pooling, false for average pooling.
     * @param stride 1 or 2.
     * @param batchNorm Whether a non-affine batch norm follows (search network).
     */
    public PoolOp(boolean max, int stride, boolean batchNorm) {
        this.max = max;
        this.stride = new Shape(stride, stride);
        this.norm = batchNorm ? addChildBlock("bn", Layers.batchNorm(false)) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray pooled = max ? Pool.maxPool2d(x, KERNEL, stride, PADDING, false)
                : AveragePooling.excludingPadding(x, KERNEL, stride, PADDING);
        NDList out = new NDList(pooled);
        return norm == null ? out : norm.forward(ps, out, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.strided(inputShapes[0], inputShapes[0].get(1), (int) stride.get(0))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (norm != null) {
            norm.initialize(manager, dataType, getOutputShapes(inputShapes));
        }
    }

    @Override
    public String toString() {
        return (max ? "MaxPool3x3" : "AvgPool3x3") + "(stride=" + stride.get(0) + (norm == null ? ")" : ", bn)");
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> x = inputs.get(0);
        ONNXRef<?> pooled = max ? writer.maxPool(x, KERNEL, stride, PADDING)
                : writer.averagePool(x, KERNEL, stride, PADDING, false, false);
        return norm == null ? pooled : writer.batchNorm(pooled, norm);
    }
}
