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

package org.tribuo.nas.onnx;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.tribuo.nas.onnx.ShapeAttributes.ints;
import static org.tribuo.nas.onnx.ShapeAttributes.pads;

/**
 * Writes the inference graph of DJL blocks into a Tribuo {@link ONNXContext}: the built-in
 * blocks the networks use (convolution, batch norm, linear, sequential, dropout, ReLU, identity)
 * directly ({@link BuiltInBlocks}), every other block through {@link OnnxBlock}. A block with no
 * mapping is refused with its name: an export is never silently wrong.
 */
public final class OnnxGraphWriter {

    private final ONNXContext context;
    private final BuiltInBlocks builtIns;

    /**
     * A writer into a context.
     * @param context The ONNX context the graph is written into.
     * @param batchNormEpsilon The epsilon of the networks' batch norms (DJL keeps it private).
     */
    public OnnxGraphWriter(ONNXContext context, float batchNormEpsilon) {
        this.context = context;
        this.builtIns = new BuiltInBlocks(this, batchNormEpsilon);
    }

    /**
     * The context written into.
     * @return The context.
     */
    public ONNXContext context() {
        return context;
    }

    /**
     * Writes a block with one input.
     * @param block The block.
     * @param input Its input.
     * @return Its output.
     * @throws UnsupportedOperationException If the block has no ONNX mapping.
     */
    public ONNXRef<?> write(Block block, ONNXRef<?> input) {
        return write(block, List.of(input));
    }

    /**
     * Writes a block.
     * @param block The block.
     * @param inputs Its inputs.
     * @return Its output.
     * @throws UnsupportedOperationException If the block has no ONNX mapping.
     */
    public ONNXRef<?> write(Block block, List<ONNXRef<?>> inputs) {
        if (block instanceof OnnxBlock onnx) {
            return onnx.writeOnnx(this, inputs);
        }
        return builtIns.write(block, inputs.get(0));
    }

    /**
     * A cell whose nodes are sums of edge ops over the earlier nodes (NAS-Bench-201 and tabular
     * cells): node 0 is the input, node {@code to} sums {@code edge(to, from)} of every earlier
     * node, a node with no edge is zeros, the last node is the output.
     * @param input The cell input.
     * @param numNodes The number of nodes, the input included.
     * @param edge The block from node {@code from} to node {@code to}, or null for none.
     * @return The last node.
     */
    public ONNXRef<?> sumCell(ONNXRef<?> input, int numNodes, BiFunction<Integer, Integer, Block> edge) {
        List<ONNXRef<?>> nodes = new ArrayList<>(List.of(input));
        for (int to = 1; to < numNodes; to++) {
            ONNXRef<?> sum = null;
            for (int from = 0; from < to; from++) {
                Block block = edge.apply(to, from);
                if (block != null) {
                    ONNXRef<?> out = write(block, nodes.get(from));
                    sum = sum == null ? out : add(sum, out);
                }
            }
            nodes.add(sum == null ? zerosLike(input) : sum);
        }
        return nodes.get(numNodes - 1);
    }

    /**
     * A convolution with the block's weights, stride, padding, dilation and groups.
     * @param x The input [N, C, H, W].
     * @param conv The convolution block.
     * @return The output.
     */
    public ONNXRef<?> conv(ONNXRef<?> x, Convolution conv) {
        return builtIns.conv(x, conv);
    }

    /**
     * A batch norm with the block's running statistics, scale and shift.
     * @param x The input [N, C, ...].
     * @param norm The batch-norm block.
     * @return The output.
     */
    public ONNXRef<?> batchNorm(ONNXRef<?> x, BatchNorm norm) {
        return builtIns.batchNorm(x, norm);
    }

    /**
     * {@code x·Wᵀ + b} with the block's weight [units, in] and bias, if any.
     * @param x The input [N, in].
     * @param linear The linear block.
     * @return The output [N, units].
     */
    public ONNXRef<?> linear(ONNXRef<?> x, Linear linear) {
        return builtIns.linear(x, linear);
    }

    /**
     * max(x, 0).
     * @param x The input.
     * @return The output.
     */
    public ONNXRef<?> relu(ONNXRef<?> x) {
        return context.operation(NetworkOperators.RELU, List.of(x), "relu");
    }

    /**
     * a + b.
     * @param a One summand.
     * @param b The other.
     * @return The sum.
     */
    public ONNXRef<?> add(ONNXRef<?> a, ONNXRef<?> b) {
        return context.operation(ONNXOperators.ADD, List.of(a, b), "add");
    }

    /**
     * x·0, the zeros of x's shape.
     * @param x The input.
     * @return Zeros.
     */
    public ONNXRef<?> zerosLike(ONNXRef<?> x) {
        return context.operation(ONNXOperators.MUL, List.of(x, context.constant("zero", 0f)), "zeros");
    }

    /**
     * Concatenation along an axis.
     * @param parts The arrays.
     * @param axis The axis.
     * @return The concatenation.
     */
    public ONNXRef<?> concat(List<ONNXRef<?>> parts, int axis) {
        return context.operation(ONNXOperators.CONCAT, parts, "concat", Map.of("axis", axis));
    }

    /**
     * 2-d average pooling, floor or ceil mode.
     * @param x The input.
     * @param kernel The window.
     * @param stride The stride.
     * @param padding Zero padding on each side.
     * @param ceil Whether the output size rounds up.
     * @param countIncludePad Whether padded cells count in each window's divisor.
     * @return The output.
     */
    public ONNXRef<?> averagePool(ONNXRef<?> x, Shape kernel, Shape stride, Shape padding, boolean ceil,
                                  boolean countIncludePad) {
        return context.operation(NetworkOperators.AVERAGE_POOL, List.of(x), "avg_pool", ShapeAttributes.ordered(Map.of(
                "kernel_shape", ints(kernel), "strides", ints(stride), "pads", pads(padding),
                "ceil_mode", ceil ? 1 : 0, "count_include_pad", countIncludePad ? 1 : 0)));
    }

    /**
     * 2-d max pooling, floor mode.
     * @param x The input.
     * @param kernel The window.
     * @param stride The stride.
     * @param padding Padding on each side.
     * @return The output.
     */
    public ONNXRef<?> maxPool(ONNXRef<?> x, Shape kernel, Shape stride, Shape padding) {
        return context.operation(NetworkOperators.MAX_POOL, List.of(x), "max_pool", ShapeAttributes.ordered(Map.of(
                "kernel_shape", ints(kernel), "strides", ints(stride), "pads", pads(padding))));
    }

    /**
     * The spatial mean of each channel, flattened: [N, C, H, W] to [N, C].
     * @param x The input.
     * @return The output.
     */
    public ONNXRef<?> globalAveragePool(ONNXRef<?> x) {
        return flatten(context.operation(NetworkOperators.GLOBAL_AVERAGE_POOL, List.of(x), "global_pool"));
    }

    /**
     * [N, ...] to [N, rest].
     * @param x The input.
     * @return The output.
     */
    public ONNXRef<?> flatten(ONNXRef<?> x) {
        return context.operation(NetworkOperators.FLATTEN, List.of(x), "flatten", Map.of("axis", 1));
    }

    /**
     * {@code x[..., starts:ends:steps]} on the given axes.
     * @param x The input.
     * @param starts First index per axis.
     * @param ends End (exclusive) per axis; {@link Long#MAX_VALUE} for "to the end".
     * @param axes The axes.
     * @param steps The steps.
     * @return The slice.
     */
    public ONNXRef<?> slice(ONNXRef<?> x, long[] starts, long[] ends, long[] axes, long[] steps) {
        return context.operation(NetworkOperators.SLICE, List.of(x, context.array("starts", starts),
                context.array("ends", ends), context.array("axes", axes), context.array("steps", steps)), "slice");
    }
}
