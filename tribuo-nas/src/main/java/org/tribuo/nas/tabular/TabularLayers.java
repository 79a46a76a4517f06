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

package org.tribuo.nas.tabular;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

import org.tribuo.nas.nn.Layers;

/**
 * Builds the block of a {@link TabularOp} on hidden vectors [batch, W].
 */
final class TabularLayers {

    private TabularLayers() {}

    /**
     * The block computing one op, W → W.
     * @param op The op; {@link TabularOp#NONE} has no block (callers skip it).
     * @param width W.
     * @param affine Whether the batch norms learn scale and shift (false in the supernet, as in
     *               DARTS and NAS-Bench-201 search, so the norms cannot absorb the op weights).
     * @return The block, uninitialized.
     * @throws IllegalArgumentException for {@code none}.
     */
    static Block op(TabularOp op, int width, boolean affine) {
        switch (op) {
            case SKIP_CONNECT:
                return Blocks.identityBlock();
            case DENSE:
                return new SequentialBlock()
                        .add(Activation.reluBlock())
                        .add(linear(width))
                        .add(Layers.batchNorm(affine));
            case DENSE_DROPOUT:
                return new SequentialBlock()
                        .add(Activation.reluBlock())
                        .add(Dropout.builder().optRate(TabularOp.DROPOUT_RATE).build())
                        .add(linear(width))
                        .add(Layers.batchNorm(affine));
            case DENSE_BOTTLENECK:
                return new SequentialBlock()
                        .add(Activation.reluBlock())
                        .add(linear(bottleneckWidth(width)))
                        .add(Layers.batchNorm(affine))
                        .add(Activation.reluBlock())
                        .add(linear(width))
                        .add(Layers.batchNorm(affine));
            case NONE:
            default:
                throw new IllegalArgumentException("op '" + op.opName() + "' has no block; skip it");
        }
    }

    /**
     * The inner width of {@link TabularOp#DENSE_BOTTLENECK}.
     * @param width W.
     * @return {@code max(1, W / 4)}.
     */
    static int bottleneckWidth(int width) {
        return Math.max(1, width / TabularOp.BOTTLENECK_FACTOR);
    }

    /**
     * A linear layer without bias (a batch norm follows it).
     * @param units Output width.
     * @return The layer.
     */
    static Linear linear(int units) {
        return Linear.builder().setUnits(units).optBias(false).build();
    }
}
