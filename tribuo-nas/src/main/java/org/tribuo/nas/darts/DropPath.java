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


package org.tribuo.nas.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The drop-path masks of a network's training forward passes: each example's op output is kept
 * with probability 1 − p and then divided by 1 − p, or zeroed. The masks are drawn in Java from a
 * {@link SplittableRandom} seeded by {@link #set(float, long)}, so runs are deterministic.
 * Not thread-safe: a network is driven by one thread.
 */
public final class DropPath {

    private float probability;
    private SplittableRandom rng;

    /** Creates drop-path turned off. */
    public DropPath() {}

    /**
     * Sets the drop probability and reseeds the masks.
     * @param probability p in [0, 1); 0 turns drop-path off.
     * @param seed Seed of the following masks.
     */
    public void set(float probability, long seed) {
        if (!(probability >= 0f && probability < 1f)) {
            throw new IllegalArgumentException("drop-path probability must be in [0, 1), got " + probability);
        }
        this.probability = probability;
        this.rng = new SplittableRandom(seed);
    }

    /**
     * Whether outputs are dropped.
     * @return True when p > 0.
     */
    public boolean isActive() {
        return probability > 0f;
    }

    /**
     * Applies a fresh per-example mask.
     * @param h An op output [B, ...].
     * @return {@code h} times the mask [B, 1, ...]: 1/(1 − p) or 0 per example.
     */
    public NDArray apply(NDArray h) {
        Shape s = h.getShape();
        int batch = (int) s.get(0);
        float keep = 1f - probability;
        float[] mask = new float[batch];
        for (int i = 0; i < batch; i++) {
            mask[i] = rng.nextDouble() < keep ? 1f / keep : 0f;
        }
        long[] maskShape = new long[s.dimension()];
        Arrays.fill(maskShape, 1L);
        maskShape[0] = batch;
        NDArray m = h.getManager().create(mask, new Shape(maskShape)).toType(h.getDataType(), false);
        return h.mul(m);
    }
}
