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
package org.tribuo.nas.examples.space;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The candidate ops of {@link ChainCellSpace}, built from plain DJL blocks. Every op keeps the
 * shape of its input.
 */
public enum ChainOp {
    /** No connection. */
    ZERO("zero"),
    /** The input, unchanged. */
    IDENTITY("identity"),
    /** ReLU, 5x5 convolution, batch norm. */
    CONV_5X5("conv_5x5"),
    /** ReLU, 3x3 convolution with dilation 2 (a 5x5 field), batch norm. */
    DIL_CONV_3X3("dil_conv_3x3"),
    /** 3x3 max pooling, stride 1. */
    MAX_POOL_3X3("max_pool_3x3");

    private final String opName;

    ChainOp(String opName) {
        this.opName = opName;
    }

    /**
     * The op's name in genotypes and configurations.
     * @return e.g. {@code conv_5x5}.
     */
    public String opName() {
        return opName;
    }

    /**
     * Looks an op up by name.
     * @param name The name.
     * @return The op.
     * @throws IllegalArgumentException naming the valid names.
     */
    public static ChainOp fromName(String name) {
        for (ChainOp op : values()) {
            if (op.opName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown chain-cell op '" + name + "', expected one of "
                + Arrays.stream(values()).map(ChainOp::opName).collect(Collectors.joining(", ")));
    }

    /**
     * The op's block.
     * @param channels Channels in and out.
     * @param affine Whether batch norms learn a scale and shift (not in the supernet, as in DARTS).
     * @return The block, or null for {@link #ZERO}.
     */
    public Block block(int channels, boolean affine) {
        switch (this) {
            case ZERO:
                return null;
            case IDENTITY:
                return new LambdaBlock(x -> x, "identity");
            case CONV_5X5:
                return convolution(channels, 5, 1, affine);
            case DIL_CONV_3X3:
                return convolution(channels, 3, 2, affine);
            case MAX_POOL_3X3:
                return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1));
            default:
                throw new IllegalStateException("no block for " + this);
        }
    }

    private static Block convolution(int channels, int kernel, int dilation, boolean affine) {
        int padding = dilation * (kernel - 1) / 2;
        return new SequentialBlock()
                .add(Activation.reluBlock())
                .add(CheckedConv2d.of(Conv2d.builder().setFilters(channels).setKernelShape(new Shape(kernel, kernel))
                        .optPadding(new Shape(padding, padding)).optDilation(new Shape(dilation, dilation)).optBias(false)))
                .add(BatchNorm.builder().optCenter(affine).optScale(affine).build());
    }
}
