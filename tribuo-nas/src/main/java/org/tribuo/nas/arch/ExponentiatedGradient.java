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

/**
 * GAEA's architecture optimizer: exponentiated gradient on simplex-valued weights.
 * <p>
 * The weights start uniform and are used as they are (no softmax). One step is
 * <pre>
 *   α ← α ⊙ exp(−η·∇α)
 *   α ← max(α, 1e-5)            (clamp first,
 *   α ← α / rowSum(α)            then renormalize each edge)
 * </pre>
 * with a constant learning rate η, as in the reference {@code architect_edarts.py}.
 */
public final class ExponentiatedGradient implements ArchitectureOptimizer {

    /** The floor applied to every weight before renormalization. */
    public static final float CLAMP_MIN = 1e-5f;
    /** The reference learning rate for NAS-Bench-201 and PC-DARTS. */
    public static final float DEFAULT_LEARNING_RATE = 0.1f;

    private final float learningRate;
    private final float[][] alpha;
    private int steps;

    /**
     * Creates the optimizer with uniform weights.
     * @param rows Number of edges.
     * @param cols Number of candidate ops.
     * @param learningRate The EG step size η, positive.
     */
    public ExponentiatedGradient(int rows, int cols, float learningRate) {
        Simplex.checkShape(rows, cols);
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("EG learning rate must be positive and finite, got " + learningRate);
        }
        this.learningRate = learningRate;
        this.alpha = Simplex.uniform(rows, cols);
    }

    /**
     * Restores an optimizer from saved weights.
     * @param alpha The weights, each row on the simplex.
     * @param learningRate The EG step size η.
     * @param steps The number of steps already taken.
     * @return The optimizer.
     */
    public static ExponentiatedGradient restore(float[][] alpha, float learningRate, int steps) {
        ExponentiatedGradient eg = new ExponentiatedGradient(alpha.length, alpha[0].length, learningRate);
        for (int i = 0; i < alpha.length; i++) {
            System.arraycopy(alpha[i], 0, eg.alpha[i], 0, alpha[i].length);
        }
        eg.steps = steps;
        return eg;
    }

    @Override
    public ArchitectureGeometry geometry() {
        return ArchitectureGeometry.EXPONENTIATED_GRADIENT;
    }

    @Override
    public int rows() {
        return alpha.length;
    }

    @Override
    public int cols() {
        return alpha[0].length;
    }

    /**
     * The EG step size.
     * @return η.
     */
    public float learningRate() {
        return learningRate;
    }

    @Override
    public NDArray newLeaf(NDManager manager) {
        NDArray leaf = manager.create(Simplex.flatten(alpha), new Shape(rows(), cols()));
        leaf.setRequiresGradient(true);
        return leaf;
    }

    @Override
    public NDArray mixingWeights(NDArray leaf) {
        return leaf;
    }

    @Override
    public void step(float[][] gradient) {
        Simplex.checkSameShape(alpha, gradient);
        for (int i = 0; i < alpha.length; i++) {
            float[] row = alpha[i];
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.max(row[k] * (float) Math.exp(-learningRate * gradient[i][k]), CLAMP_MIN);
            }
            Simplex.normalizeInPlace(row);
        }
        steps++;
    }

    @Override
    public float[][] alpha() {
        return Simplex.copy(alpha);
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public ArchitectureState state() {
        return new ArchitectureState(geometry(), steps, Simplex.copy(alpha), null, null);
    }

    @Override
    public void restore(ArchitectureState state) {
        state.checkFits(geometry(), rows(), cols());
        for (int i = 0; i < alpha.length; i++) {
            System.arraycopy(state.parameters()[i], 0, alpha[i], 0, alpha[i].length);
        }
        steps = state.steps();
    }
}
