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

package org.tribuo.nas.arch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SoftmaxAdamTest {

    private static float[] softmax(float[] logits) {
        float[] p = logits.clone();
        Simplex.softmaxInPlace(p);
        return p;
    }

    @Test
    public void logitsStartSmallAndSeeded() {
        SoftmaxAdam a = new SoftmaxAdam(6, 4, 3e-4f, 1e-3f, 1);
        SoftmaxAdam b = new SoftmaxAdam(6, 4, 3e-4f, 1e-3f, 1);
        SoftmaxAdam c = new SoftmaxAdam(6, 4, 3e-4f, 1e-3f, 2);
        assertArrayEquals(Simplex.flatten(a.logits()), Simplex.flatten(b.logits()));
        assertNotEquals(Simplex.flatten(a.logits())[0], Simplex.flatten(c.logits())[0]);
        for (float v : Simplex.flatten(a.logits())) {
            assertTrue(Math.abs(v) < 5e-3, "1e-3·N(0,1) logit " + v);
        }
    }

    @Test
    public void alphaIsAlwaysSoftmaxOfTheLogits() {
        SoftmaxAdam adam = new SoftmaxAdam(6, 4, 0.05f, 1e-3f, 3);
        SplittableRandom rng = new SplittableRandom(3);
        for (int step = 0; step < 50; step++) {
            float[][] g = new float[6][4];
            for (float[] row : g) {
                for (int k = 0; k < 4; k++) {
                    row[k] = (float) rng.nextGaussian();
                }
            }
            adam.step(g);
            float[][] theta = adam.logits();
            float[][] alpha = adam.alpha();
            for (int i = 0; i < 6; i++) {
                assertArrayEquals(softmax(theta[i]), alpha[i], 1e-7f);
            }
        }
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray leaf = adam.newLeaf(m);
            assertArrayEquals(Simplex.flatten(adam.logits()), leaf.toFloatArray());
            assertArrayEquals(Simplex.flatten(adam.alpha()), adam.mixingWeights(leaf).toFloatArray(), 1e-6f);
        }
    }

    @Test
    public void firstStepsMatchTorchAdam() {
        SoftmaxAdam adam = new SoftmaxAdam(1, 2, 0.1f, 0.5f, 0.5f, 0.999f, 9);
        float[] theta0 = adam.logits()[0];
        double[] theta = {theta0[0], theta0[1]};
        double[] m = new double[2];
        double[] v = new double[2];
        float[][] grads = {{1f, -2f}, {0.5f, 0.25f}};
        for (int t = 1; t <= grads.length; t++) {
            adam.step(new float[][]{grads[t - 1]});
            for (int k = 0; k < 2; k++) {
                double g = grads[t - 1][k] + 0.5 * theta[k];
                m[k] = 0.5 * m[k] + 0.5 * g;
                v[k] = 0.999 * v[k] + 0.001 * g * g;
                double mHat = m[k] / (1 - Math.pow(0.5, t));
                double vHat = v[k] / (1 - Math.pow(0.999, t));
                theta[k] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            assertEquals(theta[0], adam.logits()[0][0], 1e-6);
            assertEquals(theta[1], adam.logits()[0][1], 1e-6);
        }
        // The first Adam step moves each logit by about lr, against the sign of its gradient.
        assertEquals(-0.1, adam.logits()[0][0] - theta0[0] + 0.0, 0.15);
    }
}
