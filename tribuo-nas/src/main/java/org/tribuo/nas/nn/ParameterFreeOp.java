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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * An op without parameters that keeps the input shape: identity or 3x3 average pooling.
 */
public final class ParameterFreeOp extends AbstractBlock implements OnnxBlock {

    /** Which op. */
    public enum Kind {
        /** Returns the input. */
        IDENTITY,
        /** 3x3 average pooling, stride 1, padding 1, padded zeros not counted. */
        AVG_POOL_3X3
    }

    private static final Shape KERNEL = new Shape(3, 3);
    private static final Shape STRIDE = new Shape(1, 1);
    private static final Shape PADDING = new Shape(1, 1);

    private final Kind kind;

    /**
     * Creates the op.
     * @param kind Which op.
     */
    public ParameterFreeOp(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (kind == Kind.IDENTITY) {
            return new NDList(x);
        }
        return new NDList(AveragePooling.excludingPadding(x, KERNEL, STRIDE, PADDING));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    public String toString() {
        return kind.name();
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> x = inputs.get(0);
        return kind == Kind.IDENTITY ? x : writer.averagePool(x, KERNEL, STRIDE, PADDING, false, false);
    }
}
