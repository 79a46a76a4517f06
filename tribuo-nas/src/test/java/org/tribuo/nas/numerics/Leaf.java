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

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * An input of the network, in float32 values.
 * @param name The name used in messages.
 * @param shape The shape.
 * @param values The values, row-major.
 * @param differentiable Whether its gradient is taken and compared (α, β).
 */
record Leaf(String name, Shape shape, float[] values, boolean differentiable) {

    /** Standard normal values (the image batch). */
    static Leaf normal(String name, Shape shape, SplittableRandom rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) gaussian(rng);
        }
        return new Leaf(name, shape, v, false);
    }

    /**
     * Rows on the simplex with every entry at least 0.1/cols (architecture weights).
     * @param groups The sizes of consecutive groups that each sum to 1; null for rows of the
     *               given width.
     */
    static Leaf simplex(String name, Shape shape, int[] groups, SplittableRandom rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        int[] sizes = groups;
        if (sizes == null) {
            int cols = Math.toIntExact(shape.get(shape.dimension() - 1));
            sizes = new int[v.length / cols];
            java.util.Arrays.fill(sizes, cols);
        }
        int at = 0;
        for (int size : sizes) {
            double sum = 0;
            double[] raw = new double[size];
            for (int k = 0; k < size; k++) {
                raw[k] = 0.1 + rng.nextDouble();
                sum += raw[k];
            }
            for (int k = 0; k < size; k++) {
                v[at++] = (float) (raw[k] / sum);
            }
        }
        assertEquals(v.length, at, name + " groups cover the leaf");
        return new Leaf(name, shape, v, true);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
