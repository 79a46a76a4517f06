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
 * with a constant learning rate η, as in the reference {@code architect_edarts.py}. {@link Options}
 * select the variants the other GAEA methods use: GAEA GDAS normalizes before clamping and adds
 * the entropic regularizer λ·KL(α‖uniform) to the architecture loss ({@code architect_egdas.py});
 * PC-DARTS edge weights β are never clamped.
 */
public final class ExponentiatedGradient implements ArchitectureOptimizer {

    /** The floor applied to every weight before renormalization. */
    public static final float CLAMP_MIN = 1e-5f;

    /**
     * The variant of the update.
     *
     * @param normalizeFirst Normalize each row before clamping (GAEA GDAS) instead of clamping
     *                       first (GAEA DARTS / PC-DARTS).
     * @param clampMin The floor of every weight; 0 means no clamp (PC-DARTS edge weights).
     * @param entropicWeight λ of the regularizer λ·Σ_rows Σ_k α_k·log(α_k·n) added to the
     *                       architecture loss, i.e. λ·(log(α_k·n) + 1) added to the gradient.
     */
    public record Options(boolean normalizeFirst, float clampMin, float entropicWeight) {

        /** The reference GAEA DARTS / PC-DARTS α update: clamp at 1e-5, then normalize. */
        public static final Options DARTS = new Options(false, CLAMP_MIN, 0f);

        /**
         * Validates the options.
         */
        public Options {
            if (!(clampMin >= 0 && clampMin < 1)) {
                throw new IllegalArgumentException("clampMin must be in [0, 1), got " + clampMin);
            }
            if (!(entropicWeight >= 0) || Float.isInfinite(entropicWeight)) {
                throw new IllegalArgumentException("entropicWeight must be non-negative and finite, got " + entropicWeight);
            }
        }

        /**
         * The GAEA GDAS update: normalize, then clamp at 1e-5, with the entropic regularizer.
         * @param entropicWeight λ (the reference's {@code arch_weight_decay}, 0.01).
         * @return The options.
         */
        public static Options gdas(float entropicWeight) {
            return new Options(true, CLAMP_MIN, entropicWeight);
        }

        /**
         * The update of PC-DARTS edge weights: renormalize each node's weights, no clamp.
         * @return The options.
         */
        public static Options edges() {
            return new Options(false, 0f, 0f);
        }
    }

    private final float learningRate;
    private final Options options;
    private final float[][] alpha;
    private int steps;

    /**
     * Creates the optimizer with uniform weights.
     * @param rows Number of edges.
     * @param cols Number of candidate ops.
     * @param learningRate The EG step size η, positive.
     */
    public ExponentiatedGradient(int rows, int cols, float learningRate) {
        this(rows, cols, learningRate, Options.DARTS);
    }

    /**
     * Creates the optimizer with uniform weights and the given update variant.
     * @param rows Number of edges.
     * @param cols Number of candidate ops.
     * @param learningRate The EG step size η, positive.
     * @param options The update variant.
     */
    public ExponentiatedGradient(int rows, int cols, float learningRate, Options options) {
        Simplex.checkShape(rows, cols);
        this.options = java.util.Objects.requireNonNull(options, "options");
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
        float lambda = options.entropicWeight();
        for (int i = 0; i < alpha.length; i++) {
            float[] row = alpha[i];
            int n = row.length;
            for (int k = 0; k < n; k++) {
                float g = gradient[i][k];
                if (lambda > 0) {
                    g += lambda * (float) (Math.log(row[k] * n) + 1);
                }
                row[k] = row[k] * (float) Math.exp(-learningRate * g);
            }
            if (options.normalizeFirst()) {
                Simplex.normalizeInPlace(row);
                clamp(row, options.clampMin());
            } else {
                clamp(row, options.clampMin());
                Simplex.normalizeInPlace(row);
            }
        }
        steps++;
    }

    private static void clamp(float[] row, float floor) {
        for (int k = 0; k < row.length; k++) {
            row[k] = Math.max(row[k], floor);
        }
    }

    /**
     * The update variant.
     * @return The options.
     */
    public Options options() {
        return options;
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
