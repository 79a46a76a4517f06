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

package org.tribuo.nas.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl;

import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.onnx.NetworkOperators;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.util.List;

/**
 * The ONNX graph a latency is measured on: a flat input [N, F] reshaped to the block's input
 * shape, the block's inference graph, and its output flattened to [N, F']. Without a block the
 * graph only reshapes and flattens: what running any graph costs, subtracted from an op's time.
 */
final class BlockGraph {

    /** The IR version Tribuo's exported models declare. */
    private static final long IR_VERSION = 6;

    private BlockGraph() {}

    /**
     * Writes the model.
     * @param block The initialized block, or null for the empty graph.
     * @param input The block's input shape, batch first.
     * @return The model.
     */
    static OnnxMl.ModelProto of(Block block, Shape input) {
        ONNXContext context = new ONNXContext();
        context.setName(block == null ? "empty" : block.getClass().getSimpleName());
        Shape output = block == null ? input : block.getOutputShapes(new Shape[]{input})[0];
        ONNXPlaceholder in = context.floatInput(Math.toIntExact(input.size() / input.get(0)));
        ONNXPlaceholder out = context.floatOutput(Math.toIntExact(output.size() / output.get(0)));
        long[] shape = input.getShape().clone();
        shape[0] = -1;
        ONNXRef<?> x = context.operation(NetworkOperators.RESHAPE, List.of(in, context.array("input_shape", shape)), "input");
        OnnxGraphWriter writer = new OnnxGraphWriter(context, Layers.BATCH_NORM_EPSILON);
        ONNXRef<?> y = block == null ? x : writer.write(block, x);
        writer.flatten(y).assignTo(out);
        return OnnxMl.ModelProto.newBuilder().setGraph(context.buildGraph()).setIrVersion(IR_VERSION)
                .addOpsetImport(ONNXOperators.getOpsetProto()).setProducerName("tribuo-nas cost model").build();
    }
}
