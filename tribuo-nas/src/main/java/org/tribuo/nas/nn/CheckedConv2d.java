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
import ai.djl.ndarray.NDList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.numerics.CheckedConvolutions;

/**
 * DJL's {@link Conv2d} block (same parameters, shapes and saved form) whose forward pass goes
 * through {@link CheckedConvolutions}, so the engine's result is checked and, where it is wrong,
 * routed. Every convolution block of tribuo-nas is one.
 */
public final class CheckedConv2d extends Conv2d {

    private CheckedConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    /**
     * The block a builder describes.
     * @param builder A {@link Conv2d#builder()} with at least the kernel shape and filters set.
     * @return The block.
     */
    public static CheckedConv2d of(Conv2d.Builder builder) {
        return new CheckedConv2d(builder);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        NDArray w = ps.getValue(weight, device, training);
        NDArray b = bias == null ? null : ps.getValue(bias, device, training);
        return new NDList(CheckedConvolutions.conv2d(x, w, b, stride, padding, dilation, groups));
    }
}
