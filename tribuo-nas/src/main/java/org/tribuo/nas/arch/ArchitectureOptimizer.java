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

/**
 * The geometry of the architecture search: how the architecture weights are parameterized
 * and how a gradient step moves them.
 * <p>
 * Every implementation keeps its state in plain Java arrays, so no native memory outlives a
 * step: each step asks for a fresh leaf tensor ({@link #newLeaf(NDManager)}), differentiates the
 * architecture loss with respect to it, and hands the gradient back to {@link #step(float[][])}.
 * The mixing weights seen by the network, {@link #mixingWeights(NDArray)}, always lie on the
 * simplex of each row (edge).
 */
public interface ArchitectureOptimizer {

    /**
     * The geometry this optimizer implements.
     * @return The geometry.
     */
    public ArchitectureGeometry geometry();

    /**
     * Number of rows (edges) of the architecture matrix.
     * @return The row count.
     */
    public int rows();

    /**
     * Number of columns (candidate ops) of the architecture matrix.
     * @return The column count.
     */
    public int cols();

    /**
     * Creates a leaf tensor of the trainable parameters (α itself for EG, the logits θ for
     * softmax geometries) in the given manager, with gradient tracking on.
     * @param manager The step's manager; the leaf is closed with it.
     * @return A [rows, cols] leaf that requires a gradient.
     */
    public NDArray newLeaf(NDManager manager);

    /**
     * Maps the trainable leaf to the mixing weights the network multiplies op outputs by.
     * Differentiable, so the gradient reaches the leaf.
     * @param leaf The tensor returned by {@link #newLeaf(NDManager)}.
     * @return The [rows, cols] mixing weights, each row on the simplex.
     */
    public NDArray mixingWeights(NDArray leaf);

    /**
     * The gradient with respect to the trainable leaf of a term whose gradient with respect to
     * the mixing weights is given (the chain rule through {@link #mixingWeights(NDArray)}).
     * @param mixingGradient ∂f/∂α, [rows][cols].
     * @return ∂f/∂leaf, [rows][cols]; the identity where the leaf is α itself.
     */
    public default float[][] leafGradient(float[][] mixingGradient) {
        return Simplex.copy(mixingGradient);
    }

    /**
     * Applies one update given the gradient of the architecture loss with respect to the leaf.
     * @param gradient The gradient, [rows][cols].
     */
    public void step(float[][] gradient);

    /**
     * The current mixing weights, a copy.
     * @return [rows][cols], each row summing to one.
     */
    public float[][] alpha();

    /**
     * The number of steps taken so far.
     * @return The step count.
     */
    public int steps();

    /**
     * The full optimizer state, copied, for checkpoints.
     * @return The state.
     */
    public ArchitectureState state();

    /**
     * Continues from a saved state: afterwards this optimizer behaves exactly as the one that
     * wrote it.
     * @param state A state from {@link #state()} of an optimizer of the same geometry and shape.
     * @throws IllegalArgumentException if the state does not fit.
     */
    public void restore(ArchitectureState state);
}
