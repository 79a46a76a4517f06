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

package org.tribuo.nas.numerics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a scalar whose memory belongs to the engine: use these instead of
 * {@code NDArray.mul(Number)}, {@code div(Number)} and the other {@code Number} overloads.
 * <p>
 * Why: DJL 0.36's PyTorch {@code NDArray.mul(Number)} (and {@code div}, {@code pow}, {@code add},
 * their in-place forms, {@code maximum}, ...) wraps the number in a tensor that views a Java direct
 * buffer, runs the op and closes the wrapper at once. Under autograd the op saves that tensor for its
 * backward pass (the factor of a product, the divisor of a quotient), but closing the wrapper drops
 * the only reference to the buffer: the next garbage collection frees it while the graph still reads
 * it. A collection between a forward pass and its backward pass then makes the backward pass multiply
 * by whatever lies in the freed memory. Measured here (docs/known-issues.md): a {@code System.gc()}
 * in the forward pass of a PC-DARTS supernet turned its gradients from about 1 into 1e11, and the
 * GDAS temperature division ({@code div(tau)}) gave gradients of α that were off by 3e30 relative.
 * The scalars made here are cloned into engine-owned memory, which the graph keeps alive itself.
 * {@code LayeringTest} keeps the library off the {@code Number} overloads.
 */
public final class NativeScalars {

    private NativeScalars() {}

    /**
     * {@code x · s}.
     * @param x The array.
     * @param s The factor.
     * @return A new array.
     */
    public static NDArray mul(NDArray x, double s) {
        try (NDArray factor = scalar(x, s)) {
            return x.mul(factor);
        }
    }

    /**
     * {@code x / s}.
     * @param x The array.
     * @param s The divisor.
     * @return A new array.
     */
    public static NDArray div(NDArray x, double s) {
        try (NDArray divisor = scalar(x, s)) {
            return x.div(divisor);
        }
    }

    /**
     * {@code x ← x · s}, in place.
     * @param x The array, changed.
     * @return {@code x}.
     */
    public static NDArray muli(NDArray x, double s) {
        try (NDArray factor = scalar(x, s)) {
            return x.muli(factor);
        }
    }

    /**
     * A 0-d array of {@code x}'s data type and device holding {@code s}, in engine-owned memory
     * (the caller closes it; the graph keeps its own reference).
     * @param like The array whose data type and device the scalar takes.
     * @param s The value.
     * @return The scalar.
     */
    public static NDArray scalar(NDArray like, double s) {
        if ((double) (float) s == s) {
            // One native call, and exact: every scalar the library uses is a float value.
            return like.getManager().full(new Shape(), (float) s, like.getDataType(), like.getDevice());
        }
        // create(double) views a Java buffer; duplicate() clones it into memory libtorch owns.
        try (NDArray javaOwned = like.getManager().create(s);
             NDArray typed = javaOwned.toType(like.getDataType(), false).toDevice(like.getDevice(), false)) {
            return typed.duplicate();
        }
    }
}
