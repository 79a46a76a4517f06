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

package org.tribuo.nas.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network's parameters (weights and batch-norm running statistics, by name, as float32 values)
 * with the SGD state that trains them: what a checkpoint needs to continue training bit for bit.
 *
 * @param tensors Every parameter of the block, in block order.
 * @param momentum The optimizer's momentum buffers, one per trainable parameter.
 * @param lastLearningRate The learning rate of the optimizer's last step.
 */
public record NetworkState(List<Tensor> tensors, float[][] momentum, float lastLearningRate) {

    /**
     * One named parameter.
     * @param name The parameter's name in the block.
     * @param shape Its shape.
     * @param values Its values, row-major.
     */
    public record Tensor(String name, long[] shape, float[] values) {}

    /**
     * Copies a network out of native memory, with its optimizer's state.
     * @param block The network.
     * @param momentum The optimizer's momentum buffers.
     * @param lastLearningRate The learning rate of the optimizer's last step.
     * @return The state.
     */
    public static NetworkState capture(Block block, float[][] momentum, float lastLearningRate) {
        List<Tensor> tensors = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            tensors.add(new Tensor(p.getKey(), array.getShape().getShape(), array.toFloatArray()));
        }
        return new NetworkState(tensors, momentum, lastLearningRate);
    }

    /**
     * The first parameter with a non-finite value, if any.
     * @return Its name, or null if every value is finite.
     */
    public String firstNonFinite() {
        for (Tensor t : tensors) {
            for (float v : t.values()) {
                if (!Float.isFinite(v)) {
                    return t.name();
                }
            }
        }
        return null;
    }

    /**
     * Writes the weights into an initialized network of the same structure; the optimizer restores
     * {@link #momentum()} and {@link #lastLearningRate()} itself.
     * @param block The network.
     * @throws IllegalArgumentException naming the first parameter that does not match.
     */
    public void restoreInto(Block block) {
        ai.djl.nn.ParameterList parameters = block.getParameters();
        if (parameters.size() != tensors.size()) {
            throw new IllegalArgumentException("the checkpoint holds " + tensors.size() + " parameters, the network has "
                    + parameters.size());
        }
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            Parameter p = parameters.get(i).getValue();
            NDArray array = p.getArray();
            if (!t.name().equals(parameters.get(i).getKey()) || !Arrays.equals(t.shape(), array.getShape().getShape())) {
                throw new IllegalArgumentException("checkpoint parameter " + i + " is " + t.name() + " "
                        + Arrays.toString(t.shape()) + ", the network's is " + parameters.get(i).getKey() + " "
                        + array.getShape());
            }
            boolean tracked = p.requiresGradient();
            // An in-place write into a leaf that requires a gradient is refused by PyTorch.
            array.setRequiresGradient(false);
            array.set(t.values());
            if (tracked) {
                array.setRequiresGradient(true);
            }
        }
    }
}
