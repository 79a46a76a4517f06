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
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initialization of convolution and linear layers, which the reference code
 * (GAEA, DARTS, PC-DARTS, AutoDL's NAS-Bench-201) relies on: weights
 * {@code kaiming_uniform_(a=√5)}, that is {@code U(−1/√fan_in, 1/√fan_in)} with
 * {@code fan_in = in_channels/groups · kernel size}, and biases from the same range. Batch-norm
 * scales and shifts keep DJL's ones and zeros, as PyTorch's.
 * <p>
 * DJL's own default (He normal, {@code N(0, 2/fan_in)}) is √6 ≈ 2.45 times larger in scale;
 * under batch norm the outputs are the same but the effective learning rate of those weights
 * falls with {@code 1/‖w‖²}, about 6 times, and the supernet fits far more slowly than the
 * reference's (see docs/gaea.md).
 */
public final class TorchDefaultInit implements Initializer {

    private static final TorchDefaultInit WEIGHTS = new TorchDefaultInit();

    private TorchDefaultInit() {}

    /**
     * Sets PyTorch's default initializers on every weight and bias of the block and its
     * descendants. Call before the block is initialized.
     * @param block The network.
     */
    public static void applyTo(Block block) {
        block.setInitializer(WEIGHTS, Parameter.Type.WEIGHT);
        setBiasInitializers(block);
    }

    private static void setBiasInitializers(Block block) {
        ParameterList direct = block.getDirectParameters();
        if (direct.contains("weight") && direct.contains("bias")) {
            Parameter weight = direct.get("weight");
            // The weight's shape is set (by the block's prepare) before any parameter is initialized.
            direct.get("bias").setInitializer((manager, shape, dataType) ->
                    uniform(manager, shape, dataType, bound(weight.getShape())));
        }
        for (Block child : block.getChildren().values()) {
            setBiasInitializers(child);
        }
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        return uniform(manager, shape, dataType, bound(shape));
    }

    /**
     * {@code 1/√fan_in} for a weight of shape {@code [out, in/groups, k...]}.
     * @param weightShape The weight's shape, at least 2-d.
     * @return The bound of the uniform range.
     */
    static float bound(Shape weightShape) {
        if (weightShape == null || weightShape.dimension() < 2) {
            throw new IllegalArgumentException("fan-in initialization needs a weight of at least 2 dimensions, got "
                    + weightShape);
        }
        long fanIn = weightShape.size() / weightShape.get(0);
        return (float) (1.0 / Math.sqrt(fanIn));
    }

    private static NDArray uniform(NDManager manager, Shape shape, DataType dataType, float bound) {
        return manager.randomUniform(-bound, bound, shape, dataType);
    }
}
