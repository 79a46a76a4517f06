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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The edge weights β of PC-DARTS edge normalization: one single-row optimizer per node, each a
 * simplex over the node's incoming edges, which together cover α's rows in order. Empty without
 * edge weights.
 */
final class EdgeWeights {

    private final List<ArchitectureOptimizer> nodes;

    /**
     * Checks the nodes' optimizers cover α's rows.
     * @param nodes One single-row optimizer per node, in α row order; empty without edge weights.
     * @param alpha The op-weight optimizer, whose rows they cover.
     * @throws IllegalArgumentException if an optimizer is not a single row or they do not cover α.
     */
    EdgeWeights(List<ArchitectureOptimizer> nodes, ArchitectureOptimizer alpha) {
        this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes));
        int covered = 0;
        for (ArchitectureOptimizer e : nodes) {
            if (e.rows() != 1) {
                throw new IllegalArgumentException("an edge-weight optimizer holds one node's simplex (1 row), got " + e.rows());
            }
            covered += e.cols();
        }
        if (!nodes.isEmpty() && covered != alpha.rows()) {
            throw new IllegalArgumentException("edge weights cover " + covered + " edges, α has " + alpha.rows() + " rows");
        }
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    int size() {
        return nodes.size();
    }

    /**
     * The current values, the nodes' rows end to end.
     * @param alphaRows The rows of α.
     * @return [alphaRows], or null without edge weights.
     */
    float[] values(int alphaRows) {
        if (nodes.isEmpty()) {
            return null;
        }
        float[] beta = new float[alphaRows];
        int at = 0;
        for (ArchitectureOptimizer e : nodes) {
            float[] row = e.alpha()[0];
            System.arraycopy(row, 0, beta, at, row.length);
            at += row.length;
        }
        return beta;
    }

    /**
     * Fresh leaf tensors, one per node.
     * @param manager The step's manager.
     * @return The leaves, in node order.
     */
    List<NDArray> newLeaves(NDManager manager) {
        List<NDArray> edgeLeaves = new ArrayList<>(nodes.size());
        for (ArchitectureOptimizer e : nodes) {
            edgeLeaves.add(e.newLeaf(manager));
        }
        return edgeLeaves;
    }

    /**
     * The differentiable edge weights of the leaves.
     * @param leaves The leaves from {@link #newLeaves}.
     * @return [rows], each node's group on its simplex; null without edge weights.
     */
    NDArray weights(List<NDArray> leaves) {
        if (nodes.isEmpty()) {
            return null;
        }
        NDList parts = new NDList(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            parts.add(nodes.get(i).mixingWeights(leaves.get(i)).reshape(-1));
        }
        return NDArrays.concat(parts, 0);
    }

    /**
     * Steps every node's optimizer.
     * @param gradients One gradient per node, in node order.
     */
    void step(List<float[]> gradients) {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).step(new float[][]{gradients.get(i)});
        }
    }

    /**
     * Adds every node's optimizer state, in node order.
     * @param states Where they go.
     */
    void addStates(List<ArchitectureState> states) {
        for (ArchitectureOptimizer e : nodes) {
            states.add(e.state());
        }
    }

    /**
     * Continues every node's optimizer from saved states.
     * @param states The saved states.
     * @param first The index of the first node's state.
     */
    void restore(List<ArchitectureState> states, int first) {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).restore(states.get(i + first));
        }
    }
}
