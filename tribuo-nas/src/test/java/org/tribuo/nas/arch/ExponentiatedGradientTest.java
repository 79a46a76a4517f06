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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ExponentiatedGradientTest {

    @Test
    public void startsUniform() {
        ExponentiatedGradient eg = new ExponentiatedGradient(6, 4, 0.1f);
        for (float[] row : eg.alpha()) {
            assertArrayEquals(new float[]{0.25f, 0.25f, 0.25f, 0.25f}, row);
        }
        assertEquals(Math.log(4), Simplex.meanEntropy(eg.alpha()), 1e-6);
    }

    @Test
    public void stepMatchesHandComputedValues() {
        ExponentiatedGradient eg = new ExponentiatedGradient(1, 2, 0.5f);
        eg.step(new float[][]{{1f, -1f}});
        // 0.5·e^-0.5 = 0.303265, 0.5·e^0.5 = 0.824361; sum 1.127626
        double a = 0.5 * Math.exp(-0.5);
        double b = 0.5 * Math.exp(0.5);
        assertArrayEquals(new float[]{(float) (a / (a + b)), (float) (b / (a + b))}, eg.alpha()[0], 1e-6f);
        assertEquals(0.268941, eg.alpha()[0][0], 1e-5);
        assertEquals(1, eg.steps());
    }

    @Test
    public void clampsBeforeRenormalizing() {
        ExponentiatedGradient eg = new ExponentiatedGradient(1, 3, 1f);
        // exp(-40) underflows far below the floor: the weight is clamped to 1e-5, then the row
        // is renormalized, so the result is 1e-5 / (1e-5 + 2/3) rather than exactly 1e-5.
        eg.step(new float[][]{{40f, 0f, 0f}});
        float[] row = eg.alpha()[0];
        double sum = 1e-5 + 2.0 / 3.0;
        assertEquals(1e-5 / sum, row[0], 1e-9);
        assertEquals((1.0 / 3.0) / sum, row[1], 1e-6);
        assertEquals((1.0 / 3.0) / sum, row[2], 1e-6);
        // normalize-then-clamp (GDAS' order) would give exactly the floor instead
        assertTrue(row[0] > ExponentiatedGradient.CLAMP_MIN * 1.4, "renormalizing after the clamp lifts the floored weight");
    }

    @Test
    public void rowsStayOnTheSimplexAfterManySteps() {
        ExponentiatedGradient eg = new ExponentiatedGradient(6, 5, 0.1f);
        SplittableRandom rng = new SplittableRandom(7);
        for (int step = 0; step < 5000; step++) {
            float[][] g = new float[6][5];
            for (float[] row : g) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = (float) (rng.nextDouble() * 20 - 10 + (k == 0 ? -3 : 0));
                }
            }
            eg.step(g);
        }
        for (float[] row : eg.alpha()) {
            double sum = 0;
            for (float v : row) {
                assertTrue(v > 0 && Float.isFinite(v), "weight " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertTrue(Simplex.meanEntropy(eg.alpha()) < 0.1, "a consistently favoured op takes over");
    }

    @Test
    public void leafIsTheSimplexItself() {
        ExponentiatedGradient eg = new ExponentiatedGradient(2, 3, 0.1f);
        eg.step(new float[][]{{1, 2, 3}, {0, 0, 1}});
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            NDArray leaf = eg.newLeaf(m);
            assertTrue(leaf.hasGradient());
            assertSame(leaf, eg.mixingWeights(leaf));
            assertArrayEquals(Simplex.flatten(eg.alpha()), leaf.toFloatArray());
        }
    }

    @Test
    public void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ExponentiatedGradient(6, 4, 0f));
        assertThrows(IllegalArgumentException.class, () -> new ExponentiatedGradient(6, 4, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ExponentiatedGradient(0, 4, 0.1f));
        ExponentiatedGradient eg = new ExponentiatedGradient(6, 4, 0.1f);
        assertThrows(IllegalArgumentException.class, () -> eg.step(new float[5][4]));
    }
}
