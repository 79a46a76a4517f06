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

package org.tribuo.nas.loop;

import org.tribuo.nas.runtime.DjlRuntime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks the fused update against PyTorch's SGD: {@code buf = m·buf + (g + wd·w); w -= lr·buf},
 * with the global-norm clipping of {@code clip_grad_norm_}.
 */
public class SgdOptimizerTest {

    @Test
    public void matchesTorchSgdWithClippingAcrossLearningRateChanges() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Linear linear = Linear.builder().setUnits(1).optBias(false).build();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray w = linear.getParameters().get("weight").getArray();
            w.set(new float[]{1f, -2f});
            float momentum = 0.9f, wd = 0.1f, maxNorm = 1f;
            float[] lrs = {0.5f, 0.1f, 0.05f};
            double[] expected = {1, -2};
            double[] buf = {0, 0};
            float[] x = {3f, 4f};
            try (SgdOptimizer sgd = new SgdOptimizer(linear, manager, momentum, wd, maxNorm)) {
                for (float lr : lrs) {
                    try (NDManager step = manager.newSubManager()) {
                        // loss = w·x, so the gradient is x (norm 5, clipped to 1)
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray out = linear.forward(new ParameterStore(step, false),
                                    new NDList(step.create(x, new Shape(1, 2))), true).singletonOrThrow();
                            gc.backward(out.sum());
                        }
                        float norm = sgd.step(lr);
                        assertEquals(5f, norm, 1e-5);
                    }
                    for (int i = 0; i < 2; i++) {
                        double g = x[i] * (maxNorm / (5 + 1e-6)) + wd * expected[i];
                        buf[i] = momentum * buf[i] + g;
                        expected[i] -= lr * buf[i];
                    }
                    float[] actual = w.toFloatArray();
                    assertArrayEquals(new float[]{(float) expected[0], (float) expected[1]}, actual, 1e-5f);
                }
            }
        }
    }

    @Test
    public void nonFiniteGradientsAreClearedAndNotApplied() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Linear linear = Linear.builder().setUnits(1).optBias(false).build();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            NDArray w = linear.getParameters().get("weight").getArray();
            w.set(new float[]{1f, -2f});
            try (SgdOptimizer sgd = new SgdOptimizer(linear, manager, 0.9f, 0f, 5f)) {
                try (NDManager step = manager.newSubManager()) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = linear.forward(new ParameterStore(step, false),
                                new NDList(step.create(new float[]{Float.NaN, 1f}, new Shape(1, 2))), true).singletonOrThrow();
                        gc.backward(out.sum());
                    }
                    assertEquals(Float.NaN, sgd.step(0.1f));
                }
                assertArrayEquals(new float[]{1f, -2f}, w.toFloatArray(), "a non-finite step changes nothing");
                try (NDArray grad = w.getGradient()) {
                    assertArrayEquals(new float[]{0f, 0f}, grad.toFloatArray(), "and leaves a clean zero gradient");
                }
            }
        }
    }
}
