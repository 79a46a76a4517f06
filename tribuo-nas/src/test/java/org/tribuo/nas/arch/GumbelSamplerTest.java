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
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class GumbelSamplerTest {

    private static final float[][] W = {{0.7f, 0.2f, 0.1f}, {0.25f, 0.25f, 0.5f}};

    @Test
    public void sameSeedSameSample() {
        GumbelSample a = GumbelSampler.sample(W, new SplittableRandom(9));
        GumbelSample b = GumbelSampler.sample(W, new SplittableRandom(9));
        assertArrayEquals(a.index(), b.index());
        assertArrayEquals(Simplex.flatten(a.noise()), Simplex.flatten(b.noise()));
    }

    @Test
    public void gumbelMaxSamplesInProportionToTheWeights() {
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[3];
        int draws = 20000;
        for (int i = 0; i < draws; i++) {
            counts[GumbelSampler.sample(new float[][]{W[0]}, rng).index()[0]]++;
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(W[0][k], counts[k] / (double) draws, 0.01, "frequency of op " + k);
        }
    }

    @Test
    public void hardWeightsAreOneHotWithTheSoftmaxGradient() {
        DjlRuntime.seed(1);
        GumbelSample sample = GumbelSampler.sample(W, new SplittableRandom(4));
        float tau = 0.7f;
        float[] c = {0.3f, -1.2f, 2.0f, 0.5f, 1.5f, -0.4f};
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray weights = m.create(Simplex.flatten(W), new Shape(2, 3));
            weights.setRequiresGradient(true);
            NDArray coefficients = m.create(c, new Shape(2, 3));
            float[] hard;
            float[] straightThrough;
            try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
                NDArray h = GumbelSampler.hardWeights(weights, sample, tau);
                hard = h.toFloatArray();
                gc.backward(h.mul(coefficients).sum());
            }
            straightThrough = weights.getGradient().toFloatArray();
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(k == sample.index()[i] ? 1f : 0f, hard[i * 3 + k], 0f, "h is exactly one-hot");
                }
            }
            NDArray reference = m.create(Simplex.flatten(W), new Shape(2, 3));
            reference.setRequiresGradient(true);
            NDArray g = m.create(Simplex.flatten(sample.noise()), new Shape(2, 3));
            try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
                NDArray p = reference.log().add(g).div(tau).softmax(1);
                gc.backward(p.mul(coefficients).sum());
            }
            float[] softmaxGradient = reference.getGradient().toFloatArray();
            assertArrayEquals(softmaxGradient, straightThrough, 1e-6f);
            boolean nonZero = false;
            for (float v : straightThrough) {
                nonZero |= v != 0f;
            }
            assertTrue(nonZero, "the gradient reaches the weights");
        }
    }

    @Test
    public void zeroWeightsAreNeverSampledAndBadRowsAreRefused() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            int k = GumbelSampler.sample(new float[][]{{0f, 0.5f, 0.5f}}, rng).index()[0];
            assertTrue(k == 1 || k == 2, "op 0 has weight 0");
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GumbelSampler.sample(new float[][]{{0f, 0f}}, rng));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GumbelSampler.sample(new float[][]{{Float.NaN, 1f}}, rng));
    }
}
