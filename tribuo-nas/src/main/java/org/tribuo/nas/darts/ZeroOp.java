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
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;
import java.util.List;

/**
 * The {@code none} op: zeros of the output shape (the input subsampled when the stride is 2,
 * as DARTS's {@code x[:, :, ::2, ::2].mul(0.)}). It carries no gradient.
 */
public final class ZeroOp extends AbstractBlock implements OnnxBlock {

    private final int stride;

    /**
     * Creates the op.
     * @param stride 1 or 2.
     */
    public ZeroOp(int stride) {
        this.stride = stride;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape out = getOutputShapes(new Shape[]{x.getShape()})[0];
        return new NDList(x.getManager().zeros(out, x.getDataType(), x.getDevice()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.strided(inputShapes[0], inputShapes[0].get(1), stride)};
    }

    @Override
    public String toString() {
        return "Zero(stride=" + stride + ")";
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?> x = inputs.get(0);
        ONNXRef<?> strided = stride == 1 ? x : writer.slice(x, new long[]{0, 0},
                new long[]{Long.MAX_VALUE, Long.MAX_VALUE}, new long[]{2, 3}, new long[]{stride, stride});
        return writer.zerosLike(strided);
    }
}
