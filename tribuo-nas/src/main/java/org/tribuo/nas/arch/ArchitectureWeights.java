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

import java.util.ArrayList;
import java.util.List;

/**
 * All architecture parameters of a search: the op weights α (one optimizer over a matrix of
 * simplex rows) and, with PC-DARTS edge normalization, the edge weights β (one optimizer per
 * node, each a single simplex row over the node's incoming edges).
 * <p>
 * The supernet sees α as a [rows, ops] matrix and β as one [rows] vector aligned with α's rows.
 */
public final class ArchitectureWeights {

    /** The leaf tensors of one architecture step. */
    public static final class Leaves {
        private final NDArray alpha;
        private final List<NDArray> edges;

        private Leaves(NDArray alpha, List<NDArray> edges) {
            this.alpha = alpha;
            this.edges = edges;
        }
    }

    private final ArchitectureOptimizer alpha;
    private final EdgeWeights edges;
    private ArchitecturePenalty penalty;

    /**
     * Creates the weights.
     * @param alpha The op-weight optimizer.
     * @param edges One single-row optimizer per node's incoming edges, in α row order; empty
     *              without edge weights.
     */
    public ArchitectureWeights(ArchitectureOptimizer alpha, List<ArchitectureOptimizer> edges) {
        this.alpha = alpha;
        this.edges = new EdgeWeights(edges, alpha);
    }

    /**
     * Adds a penalty on α to the architecture loss of every later step.
     * @param penalty The penalty; null removes it.
     */
    public void penalize(ArchitecturePenalty penalty) {
        this.penalty = penalty;
    }

    /**
     * The op-weight optimizer.
     * @return α's optimizer.
     */
    public ArchitectureOptimizer alphaOptimizer() {
        return alpha;
    }

    /**
     * Whether edges are weighted by β.
     * @return True with PC-DARTS edge normalization.
     */
    public boolean hasEdgeWeights() {
        return !edges.isEmpty();
    }

    /**
     * The current op weights, a copy.
     * @return [rows][ops].
     */
    public float[][] alpha() {
        return alpha.alpha();
    }

    /**
     * The current edge weights, aligned with α's rows.
     * @return [rows], or null without edge weights.
     */
    public float[] beta() {
        return edges.values(alpha.rows());
    }

    /**
     * Fresh leaf tensors (gradient tracking on) for one architecture step.
     * @param manager The step's manager.
     * @return The leaves.
     */
    public Leaves newLeaves(NDManager manager) {
        List<NDArray> edgeLeaves = edges.newLeaves(manager);
        return new Leaves(alpha.newLeaf(manager), edgeLeaves);
    }

    /**
     * The differentiable op weights of the leaves.
     * @param leaves The step's leaves.
     * @return [rows, ops], each row on the simplex.
     */
    public NDArray alphaWeights(Leaves leaves) {
        return alpha.mixingWeights(leaves.alpha);
    }

    /**
     * The differentiable edge weights of the leaves.
     * @param leaves The step's leaves.
     * @return [rows], each node's group on its simplex; null without edge weights.
     */
    public NDArray betaWeights(Leaves leaves) {
        return edges.weights(leaves.edges);
    }

    /**
     * The current edge weights as a constant tensor.
     * @param manager The manager.
     * @return [rows], or null without edge weights.
     */
    public NDArray constantBeta(NDManager manager) {
        float[] beta = beta();
        return beta == null ? null : manager.create(beta, new Shape(beta.length));
    }

    /**
     * The gradients of an architecture loss with respect to the parameters, read out of the
     * leaves after a backward pass.
     */
    public static final class Gradient {
        private final float[] alpha;
        private final List<float[]> edges;

        private Gradient(float[] alpha, List<float[]> edges) {
            this.alpha = alpha;
            this.edges = edges;
        }

        /**
         * Whether every value is finite.
         * @return False if any gradient value is NaN or infinite.
         */
        public boolean finite() {
            return ArchitectureWeights.finite(alpha) && edges.stream().allMatch(ArchitectureWeights::finite);
        }

        /**
         * The gradient of α's leaf (α itself for EG, the logits for softmax geometries).
         * @return [rows × ops], row-major; a copy.
         */
        public float[] alpha() {
            return alpha.clone();
        }

        /**
         * The gradients of the edge-weight leaves, one per node.
         * @return Copies, in node order; empty without edge weights.
         */
        public List<float[]> edges() {
            return edges.stream().map(float[]::clone).toList();
        }
    }

    /**
     * Reads the gradients accumulated on the leaves, updating nothing.
     * @param leaves The step's leaves, after the backward pass.
     * @return The gradients.
     */
    public Gradient gradient(Leaves leaves) {
        List<float[]> edgeGradients = new ArrayList<>();
        for (NDArray leaf : leaves.edges) {
            edgeGradients.add(gradient(leaf));
        }
        return new Gradient(gradient(leaves.alpha), edgeGradients);
    }

    /**
     * Updates every optimizer with gradients, α's with the penalty's gradient added when there is
     * one.
     * @param gradient Gradients read from leaves of these weights.
     * @throws IllegalArgumentException if a gradient is not finite.
     */
    public void apply(Gradient gradient) {
        if (!gradient.finite()) {
            throw new IllegalArgumentException("a non-finite architecture gradient cannot be applied");
        }
        float[][] alphaGradient = Simplex.unflatten(gradient.alpha, alpha.rows(), alpha.cols());
        if (penalty != null) {
            float[][] added = alpha.leafGradient(penalty.gradient(alpha.alpha()));
            for (int i = 0; i < alphaGradient.length; i++) {
                for (int k = 0; k < alphaGradient[i].length; k++) {
                    alphaGradient[i][k] += added[i][k];
                }
            }
        }
        alpha.step(alphaGradient);
        edges.step(gradient.edges);
        if (penalty != null) {
            penalty.stepped(alpha.alpha());
        }
    }

    /**
     * Updates every optimizer from the gradients accumulated on the leaves.
     * @param leaves The step's leaves, after the backward pass.
     * @return False, with nothing updated, if any gradient was not finite.
     */
    public boolean step(Leaves leaves) {
        Gradient g = gradient(leaves);
        if (!g.finite()) {
            return false;
        }
        apply(g);
        return true;
    }

    private static float[] gradient(NDArray leaf) {
        try (NDArray g = leaf.getGradient()) {
            return g.toFloatArray();
        }
    }

    private static boolean finite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every optimizer's state, α first, for checkpoints.
     * @return The states.
     */
    public List<ArchitectureState> state() {
        List<ArchitectureState> states = new ArrayList<>();
        states.add(alpha.state());
        edges.addStates(states);
        return states;
    }

    /**
     * Continues from saved states.
     * @param states States from {@link #state()} of weights of the same layout.
     * @throws IllegalArgumentException if they do not fit.
     */
    public void restore(List<ArchitectureState> states) {
        if (states.size() != 1 + edges.size()) {
            throw new IllegalArgumentException("expected " + (1 + edges.size()) + " architecture states, got " + states.size());
        }
        alpha.restore(states.get(0));
        edges.restore(states, 1);
    }
}
