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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The update variants of GAEA GDAS (normalize, then clamp; entropic term) and of PC-DARTS edges (no clamp). */
public class ExponentiatedGradientOptionsTest {

    /** A row whose first weight falls far below the floor after one step. */
    private static final float[][] GRADIENT = {{200f, 0f, 0f, 0f}};

    @Test
    public void normalizeThenClampDiffersFromClampThenNormalize() {
        ExponentiatedGradient darts = new ExponentiatedGradient(1, 4, 0.1f);
        ExponentiatedGradient gdas = new ExponentiatedGradient(1, 4, 0.1f, ExponentiatedGradient.Options.gdas(0f));
        darts.step(GRADIENT);
        gdas.step(GRADIENT);
        // After the multiplicative step: [0.25·e^-20, 0.25, 0.25, 0.25].
        double tiny = 0.25 * Math.exp(-20);
        // Clamp first: [1e-5, .25, .25, .25] / (0.75 + 1e-5).
        assertEquals(1e-5 / (0.75 + 1e-5), darts.alpha()[0][0], 1e-10);
        assertEquals(0.25 / (0.75 + 1e-5), darts.alpha()[0][1], 1e-7);
        // Normalize first: [tiny, .25, .25, .25] / (0.75 + tiny), then the first is clamped up to 1e-5
        // and the row is left summing to slightly more than one.
        assertEquals(1e-5f, gdas.alpha()[0][0], 0f);
        assertEquals(0.25 / (0.75 + tiny), gdas.alpha()[0][1], 1e-7);
    }

    @Test
    public void edgeWeightsAreNotClamped() {
        ExponentiatedGradient edges = new ExponentiatedGradient(1, 4, 0.1f, ExponentiatedGradient.Options.edges());
        edges.step(GRADIENT);
        assertTrue(edges.alpha()[0][0] < 1e-9, "no floor: " + edges.alpha()[0][0]);
    }

    @Test
    public void entropicRegularizerAddsItsGradientAndPullsTowardsUniform() {
        float lambda = 0.01f;
        float eta = 0.5f;
        ExponentiatedGradient eg = new ExponentiatedGradient(1, 3, eta, ExponentiatedGradient.Options.gdas(lambda));
        eg.restore(new ArchitectureState(ArchitectureGeometry.EXPONENTIATED_GRADIENT, 0,
                new float[][]{{0.8f, 0.15f, 0.05f}}, null, null));
        float[] before = eg.alpha()[0];
        eg.step(new float[][]{{0f, 0f, 0f}});
        float[] after = eg.alpha()[0];
        // Expected: finite difference of R(α) = λ Σ α log(α n) gives the gradient added to the zero loss gradient.
        double[] expected = new double[3];
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            double h = 1e-4;
            double[] plus = {before[0], before[1], before[2]};
            double[] minus = {before[0], before[1], before[2]};
            plus[k] += h;
            minus[k] -= h;
            double grad = (regularizer(plus, lambda) - regularizer(minus, lambda)) / (2 * h);
            expected[k] = before[k] * Math.exp(-eta * grad);
            sum += expected[k];
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k] / sum, after[k], 1e-5, "op " + k);
        }
        assertTrue(Simplex.entropy(after) > Simplex.entropy(before), "the regularizer raises the entropy");
    }

    private static double regularizer(double[] alpha, float lambda) {
        double r = 0;
        for (double a : alpha) {
            r += a * Math.log(a * alpha.length);
        }
        return lambda * r;
    }
}
