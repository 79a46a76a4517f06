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

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.tribuo.nas.onnx.ShapeAttributes.ints;
import static org.tribuo.nas.onnx.ShapeAttributes.pads;

/**
 * The DJL built-in blocks the networks use (convolution, batch norm, linear, sequential,
 * dropout, ReLU, identity), written as ONNX operators, each parameter copied into an initializer.
 */
final class BuiltInBlocks {

    private final OnnxGraphWriter writer;
    private final ONNXContext context;
    private final float batchNormEpsilon;

    /**
     * Creates the mapping.
     * @param writer The writer a sequential block's children go back through.
     * @param batchNormEpsilon The epsilon of the networks' batch norms.
     */
    BuiltInBlocks(OnnxGraphWriter writer, float batchNormEpsilon) {
        this.writer = writer;
        this.context = writer.context();
        this.batchNormEpsilon = batchNormEpsilon;
    }

    /**
     * Writes a built-in block.
     * @param block The block.
     * @param x Its input.
     * @return Its output.
     * @throws UnsupportedOperationException If the block is not one of the mapped built-ins.
     */
    ONNXRef<?> write(Block block, ONNXRef<?> x) {
        if (block instanceof Convolution conv) {
            return conv(x, conv);
        } else if (block instanceof BatchNorm norm) {
            return batchNorm(x, norm);
        } else if (block instanceof Linear linear) {
            return linear(x, linear);
        } else if (block instanceof Dropout) {
            return x;
        } else if (block instanceof SequentialBlock sequence) {
            for (Block child : sequence.getChildren().values()) {
                x = writer.write(child, x);
            }
            return x;
        } else if (block instanceof LambdaBlock lambda && "ReLU".equals(lambda.getName())) {
            return writer.relu(x);
        } else if (block instanceof LambdaBlock lambda && "identity".equals(lambda.getName())) {
            return x;
        }
        throw new UnsupportedOperationException("no ONNX mapping for block " + block.getClass().getName() + " ("
                + block + "); the model cannot be exported");
    }

    /** {@link OnnxGraphWriter#conv}. */
    ONNXRef<?> conv(ONNXRef<?> x, Convolution conv) {
        List<ONNXRef<?>> inputs = new ArrayList<>(List.of(x, tensor("conv_w", parameter(conv, "weight"))));
        Parameter bias = conv.getParameters().get("bias");
        if (bias != null && bias.isInitialized()) {
            inputs.add(tensor("conv_b", bias.getArray()));
        }
        return context.operation(NetworkOperators.CONV, inputs, "conv", ShapeAttributes.ordered(Map.of(
                "kernel_shape", ints(conv.getKernelShape()),
                "strides", ints(conv.getStride()),
                "pads", pads(conv.getPadding()),
                "dilations", ints(conv.getDilation()),
                "group", conv.getGroups())));
    }

    /** {@link OnnxGraphWriter#batchNorm}. */
    ONNXRef<?> batchNorm(ONNXRef<?> x, BatchNorm norm) {
        return context.operation(NetworkOperators.BATCH_NORMALIZATION, List.of(x,
                tensor("bn_scale", parameter(norm, "gamma")), tensor("bn_shift", parameter(norm, "beta")),
                tensor("bn_mean", parameter(norm, "runningMean")), tensor("bn_var", parameter(norm, "runningVar"))),
                "bn", Map.of("epsilon", batchNormEpsilon));
    }

    /** {@link OnnxGraphWriter#linear}. */
    ONNXRef<?> linear(ONNXRef<?> x, Linear linear) {
        List<ONNXRef<?>> inputs = new ArrayList<>(List.of(x, tensor("linear_w", parameter(linear, "weight"))));
        Parameter bias = linear.getParameters().get("bias");
        if (bias != null && bias.isInitialized()) {
            inputs.add(tensor("linear_b", bias.getArray()));
        }
        return context.operation(ONNXOperators.GEMM, inputs, "linear", Map.of("transB", 1));
    }

    private static NDArray parameter(Block block, String name) {
        Parameter p = block.getParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalStateException("block " + block + " has no initialized parameter '" + name + "'");
        }
        return p.getArray();
    }

    /** A float initializer holding a copy of the array. */
    private ONNXRef<?> tensor(String name, NDArray array) {
        long[] shape = array.getShape().getShape();
        List<Integer> dims = new ArrayList<>(shape.length);
        for (long d : shape) {
            dims.add(Math.toIntExact(d));
        }
        float[] values = array.toFloatArray();
        return context.floatTensor(name, dims, buffer -> buffer.put(values));
    }
}
