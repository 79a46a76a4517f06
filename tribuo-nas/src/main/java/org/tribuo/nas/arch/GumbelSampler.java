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
import ai.djl.ndarray.types.Shape;

import java.util.SplittableRandom;

/**
 * Gumbel-softmax hard sampling with the straight-through estimator, as GDAS
 * (AutoDL {@code search_model_gdas.py}) and GAEA GDAS ({@code architect_egdas.py}).
 * <p>
 * The noise is drawn in Java from a seeded generator, so a search draws the same samples on every
 * run and after a resume; the sampled op of each edge is known in Java before the forward pass,
 * so the supernet runs only those ops. The differentiable part,
 * {@code h = onehot(index) − stopgrad(p) + p} with {@code p = softmax((log W + g)/τ)}, is one-hot
 * in value and has the gradient of p.
 */
public final class GumbelSampler {

    private GumbelSampler() {}

    /**
     * Draws a sample per row.
     * @param weights The mixing weights W, each row on the simplex (α for EG, softmax θ for softmax
     *                geometries, so log W is log α or log_softmax θ).
     * @param rng The random source.
     * @return The noise and the sampled op of every row.
     */
    public static GumbelSample sample(float[][] weights, SplittableRandom rng) {
        int rows = weights.length;
        float[][] noise = new float[rows][];
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
            int cols = weights[i].length;
            float[] g = new float[cols];
            boolean finite;
            int best;
            checkRow(weights[i], i);
            do { // the reference redraws when the noise is not finite
                finite = true;
                best = -1;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < cols; k++) {
                    double u = rng.nextDouble();
                    g[k] = (float) -Math.log(-Math.log(u));
                    // A zero weight has log −∞: it is never sampled, and it needs no redraw.
                    double value = Math.log(weights[i][k]) + g[k];
                    if (!Float.isFinite(g[k])) {
                        finite = false;
                    } else if (best < 0 || value > bestValue) {
                        bestValue = value;
                        best = k;
                    }
                }
            } while (!finite);
            noise[i] = g;
            index[i] = best;
        }
        return new GumbelSample(noise, index);
    }

    private static void checkRow(float[] row, int index) {
        boolean positive = false;
        for (float w : row) {
            if (!(w >= 0) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("architecture weights of row " + index + " must be finite and "
                        + "non-negative to sample from, got " + java.util.Arrays.toString(row));
            }
            positive |= w > 0;
        }
        if (!positive) {
            throw new IllegalArgumentException("architecture weights of row " + index + " are all zero: nothing to sample");
        }
    }

    /**
     * The straight-through hard weights of a sample.
     * @param weights The differentiable mixing weights W [rows, cols].
     * @param sample The sample (its noise perturbs log W).
     * @param tau The temperature τ, positive.
     * @return h [rows, cols]: one-hot in value, with the gradient of softmax((log W + g)/τ).
     */
    public static NDArray hardWeights(NDArray weights, GumbelSample sample, float tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + tau);
        }
        int rows = sample.index().length;
        int cols = sample.noise()[0].length;
        NDArray g = weights.getManager().create(Simplex.flatten(sample.noise()), new Shape(rows, cols));
        NDArray p;
        // τ as an engine-owned 0-d array, not div(Number): DJL backs that number with a Java buffer it frees
        // while the graph still divides by it (numerics.NativeScalars explains; arch depends on nothing else).
        try (NDArray temperature = weights.getManager().full(new Shape(), tau, weights.getDataType(), weights.getDevice())) {
            p = weights.log().add(g).div(temperature).softmax(1);
        }
        NDArray oneHot = weights.getManager().create(Simplex.flatten(oneHot(sample.index(), cols)), new Shape(rows, cols));
        // (p − stopgrad(p)) is exactly 0 in value, so h equals the one-hot matrix bit for bit.
        return p.sub(p.stopGradient()).add(oneHot);
    }

    /**
     * One-hot rows.
     * @param index The hot column of every row.
     * @param cols The number of columns.
     * @return [index.length][cols].
     */
    public static float[][] oneHot(int[] index, int cols) {
        float[][] out = new float[index.length][cols];
        for (int i = 0; i < index.length; i++) {
            out[i][index[i]] = 1f;
        }
        return out;
    }
}
