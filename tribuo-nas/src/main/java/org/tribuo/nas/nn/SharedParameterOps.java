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

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

/**
 * Computations on the parameters of a block that serves many edges at once (the fused search
 * cells): a parameter's value, one edge's slice of a convolution kernel, and the cells'
 * non-affine batch norms, either with a gathered per-channel scale or on one edge's channels.
 * <p>
 * Slices are views made on the input's manager, so they close with the step that used them, and
 * running statistics written through them land in the shared parameter.
 */
public final class SharedParameterOps {

    /** The batch-norm momentum of {@link Layers#batchNorm(boolean)} (DJL's default). */
    public static final float BN_MOMENTUM = 0.9f;
    /** The batch-norm epsilon of {@link Layers#batchNorm(boolean)}. */
    public static final float BN_EPSILON = Layers.BATCH_NORM_EPSILON;

    private SharedParameterOps() {}

    /**
     * A parameter's value on a device.
     * @param ps The parameter store.
     * @param block The block owning the parameter.
     * @param name The parameter's name in the block.
     * @param device The device.
     * @param training Whether the value is for training.
     * @return The value.
     */
    public static NDArray value(ParameterStore ps, Block block, String name, Device device, boolean training) {
        return ps.getValue(block.getParameters().get(name), device, training);
    }

    /**
     * Rows [from, from+count) of a convolution's kernel: one edge's filters.
     * @param ps The parameter store.
     * @param conv The convolution.
     * @param x The input the rows are for (its device and manager).
     * @param from The first row.
     * @param count The number of rows.
     * @param training Whether the value is for training.
     * @return A view of the rows.
     */
    public static NDArray kernelRows(ParameterStore ps, Conv2d conv, NDArray x, long from, long count,
                                     boolean training) {
        return value(ps, conv, "weight", x.getDevice(), training).get(x.getManager(), range(from, count));
    }

    /**
     * Batch norm without its learned scale (running statistics and shift of the block) with a
     * given per-channel scale, which can carry each channel's architecture weight.
     * @param ps The parameter store.
     * @param norm The batch norm (its running statistics are updated in training).
     * @param x The input [B, C, H, W].
     * @param scale The per-channel scale [C].
     * @param training Whether to use and update batch statistics.
     * @return The normalized, scaled input.
     */
    public static NDArray weightedNorm(ParameterStore ps, BatchNorm norm, NDArray x, NDArray scale,
                                       boolean training) {
        Device device = x.getDevice();
        return BatchNorm.batchNorm(x, value(ps, norm, "runningMean", device, training),
                        value(ps, norm, "runningVar", device, training), scale,
                        value(ps, norm, "beta", device, training), 1, BN_MOMENTUM, BN_EPSILON, training)
                .singletonOrThrow();
    }

    /**
     * Batch norm of one edge's output on the channels [from, from+count) of a norm shared by many
     * edges; only those channels' running statistics move.
     * @param ps The parameter store.
     * @param norm The shared batch norm.
     * @param x The edge's output [B, count, H, W].
     * @param from The edge's first channel in the norm.
     * @param count The edge's channels.
     * @param training Whether to use and update batch statistics.
     * @return The normalized output.
     */
    public static NDArray sliceNorm(ParameterStore ps, BatchNorm norm, NDArray x, long from, long count,
                                    boolean training) {
        return BatchNorm.batchNorm(x, normSlice(ps, norm, x, "runningMean", from, count, training),
                        normSlice(ps, norm, x, "runningVar", from, count, training),
                        normSlice(ps, norm, x, "gamma", from, count, training),
                        normSlice(ps, norm, x, "beta", from, count, training), 1, BN_MOMENTUM, BN_EPSILON, training)
                .singletonOrThrow();
    }

    private static NDArray normSlice(ParameterStore ps, BatchNorm norm, NDArray x, String name, long from, long count,
                                     boolean training) {
        return value(ps, norm, name, x.getDevice(), training).get(x.getManager(), range(from, count));
    }

    private static NDIndex range(long from, long count) {
        return new NDIndex("{}:{}", from, from + count);
    }
}
