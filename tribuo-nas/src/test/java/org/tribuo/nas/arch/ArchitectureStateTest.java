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

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An optimizer restored from {@link ArchitectureOptimizer#state()} continues exactly as the
 * original would have.
 */
public class ArchitectureStateTest {

    private static float[][] gradient(SplittableRandom rng) {
        float[][] g = new float[6][5];
        for (float[] row : g) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) (rng.nextDouble() * 2 - 1);
            }
        }
        return g;
    }

    private static void assertContinuesIdentically(Supplier<ArchitectureOptimizer> fresh) {
        ArchitectureOptimizer original = fresh.get();
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 10; i++) {
            original.step(gradient(rng));
        }
        ArchitectureOptimizer restored = fresh.get();
        restored.restore(original.state());
        assertEquals(original.steps(), restored.steps());
        for (int i = 0; i < 10; i++) {
            float[][] g = gradient(rng);
            original.step(g);
            restored.step(g);
        }
        for (int row = 0; row < 6; row++) {
            assertArrayEquals(original.alpha()[row], restored.alpha()[row], 0f, "row " + row);
        }
    }

    @Test
    public void exponentiatedGradientContinuesIdentically() {
        assertContinuesIdentically(() -> new ExponentiatedGradient(6, 5, 0.3f));
    }

    @Test
    public void softmaxAdamContinuesIdenticallyIncludingItsMoments() {
        SplittableRandom seeds = new SplittableRandom(3);
        // Each fresh optimizer has different initial logits: restore must replace them, and the moments.
        assertContinuesIdentically(() -> new SoftmaxAdam(6, 5, 0.05f, 1e-3f, seeds.nextLong()));
    }

    @Test
    public void stateOfAnotherGeometryOrShapeIsRefused() {
        ArchitectureState eg = new ExponentiatedGradient(6, 5, 0.1f).state();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxAdam(6, 5, 3e-4f, 1e-3f, 1).restore(eg));
        assertTrue(e.getMessage().contains("EXPONENTIATED_GRADIENT"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ExponentiatedGradient(6, 4, 0.1f).restore(eg));
        assertTrue(e.getMessage().contains("6x4"), e.getMessage());
    }

    @Test
    public void stateIsACopy() {
        ExponentiatedGradient eg = new ExponentiatedGradient(6, 5, 0.1f);
        ArchitectureState state = eg.state();
        eg.step(gradient(new SplittableRandom(1)));
        assertEquals(0.2f, state.parameters()[0][0]);
        assertEquals(0, state.steps());
    }
}
