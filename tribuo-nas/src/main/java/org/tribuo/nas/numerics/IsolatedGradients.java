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
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The gradients of a small side computation, taken without a {@code GradientCollector}: DJL allows
 * one collector per JVM, and a convolution is checked on its first call, which is usually inside a
 * training step's collector. The side computation's leaves are its own, so the step's graph is
 * untouched.
 */
final class IsolatedGradients {

    private IsolatedGradients() {}

    /**
     * Runs {@code forward} with gradient recording on and back-propagates its scalar result.
     * @param forward The computation; its leaves must have {@code setRequiresGradient(true)}.
     * @return The scalar the computation returned (its leaves now hold their gradients).
     * @throws IllegalStateException if the engine is not PyTorch.
     */
    static NDArray backward(java.util.function.Supplier<NDArray> forward) {
        boolean recording = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray loss = forward.get();
            if (!(loss instanceof PtNDArray pt)) {
                throw new IllegalStateException("the convolution check needs the PyTorch engine, got "
                        + loss.getManager().getEngine().getEngineName());
            }
            JniUtils.backward(pt, (PtNDArray) loss.onesLike(), false, false);
            return loss;
        } finally {
            JniUtils.setGradMode(recording);
        }
    }
}
