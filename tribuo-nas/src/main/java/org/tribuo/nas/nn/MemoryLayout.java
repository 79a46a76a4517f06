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
import ai.djl.ndarray.types.Shape;

/**
 * How a network lays out its activations in memory. Both layouts compute the same function; they
 * differ in speed and in floating-point rounding (other kernels, other summation orders).
 * <p>
 * PyTorch picks a convolution's memory format from its input's strides and keeps it through
 * element-wise ops, batch norm and pooling, so one re-layout after the stem puts the whole network
 * in that format. DJL has no memory-format API; {@link #arrange} makes the channels-last strides
 * with a permute and a copying reshape.
 */
public enum MemoryLayout {
    /** NCHW, contiguous: oneDNN reorders every convolution's input and output to its blocked format. */
    CONTIGUOUS,
    /**
     * NCHW shape with channels-last (NHWC) strides: oneDNN convolves them directly, without the
     * reorders; the NAS-Bench-201 final-training step took 0.70-0.77x the time on CPU (docs/results.md).
     */
    CHANNELS_LAST;

    /**
     * Lays out a 4-d activation.
     * @param x An array of shape (N, C, H, W).
     * @return {@code x} itself for {@link #CONTIGUOUS}; for {@link #CHANNELS_LAST} a copy of the same
     * shape whose channels are the innermost dimension in memory.
     * @throws IllegalArgumentException if {@code x} is not 4-d.
     */
    public NDArray arrange(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("memory layout " + this + " needs a 4-d (N, C, H, W) activation, got " + s);
        }
        if (this == CONTIGUOUS) {
            return x;
        }
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        // The permuted view cannot be flattened without a copy, so reshape copies it in NHWC order.
        NDArray nhwc = x.transpose(0, 2, 3, 1).reshape(n * h * w, c).reshape(n, h, w, c);
        return nhwc.transpose(0, 3, 1, 2);
    }
}
