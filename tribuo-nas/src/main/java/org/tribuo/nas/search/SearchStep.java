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

package org.tribuo.nas.search;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import org.tribuo.nas.arch.ArchitectureOptimizer;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.supernet.Nb201Network;
import org.tribuo.nas.train.SgdOptimizer;

/**
 * One minibatch of the search: the architecture step, then the weight step.
 * <p>
 * Both steps take already-made batches, so the same code serves the search loop and the
 * step-time benchmark. Every array a step makes belongs to the given step manager.
 */
public final class SearchStep {

    /** What the weight step saw. */
    public record WeightStepResult(float loss, long correct, boolean finite) {}

    private final Nb201Network supernet;
    private final ArchitectureOptimizer arch;
    private final SgdOptimizer sgd;
    private final Engine engine;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /**
     * Creates the step.
     * @param supernet The initialized supernet.
     * @param arch The architecture optimizer.
     * @param sgd The weight optimizer over the supernet's parameters.
     * @param engine The engine.
     */
    public SearchStep(Nb201Network supernet, ArchitectureOptimizer arch, SgdOptimizer sgd, Engine engine) {
        this.supernet = supernet;
        this.arch = arch;
        this.sgd = sgd;
        this.engine = engine;
    }

    /**
     * The architecture step: a first-order gradient of the loss on (x, y) with respect to the
     * architecture parameters, with the current weights, handed to the geometry. The weights stop
     * tracking gradients for this backward pass, so PyTorch skips computing theirs (they would be
     * discarded anyway).
     * @param step The step's manager.
     * @param x Images [B, C, H, W].
     * @param y Labels [B].
     * @return False, with nothing updated, if the gradient was not finite.
     */
    public boolean architectureStep(NDManager step, NDArray x, NDArray y) {
        NDArray leaf = arch.newLeaf(step);
        trackWeightGradients(false);
        try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray logits = supernet.forward(new ParameterStore(step, false), new NDList(x, arch.mixingWeights(leaf)), true)
                    .singletonOrThrow();
            gc.backward(loss.evaluate(new NDList(y), new NDList(logits)));
        } finally {
            trackWeightGradients(true);
        }
        float[] gradient = leaf.getGradient().toFloatArray();
        for (float g : gradient) {
            if (!Float.isFinite(g)) {
                return false;
            }
        }
        arch.step(Simplex.unflatten(gradient, arch.rows(), arch.cols()));
        return true;
    }

    private void trackWeightGradients(boolean track) {
        for (Parameter p : sgd.parameters()) {
            p.getArray().setRequiresGradient(track);
        }
    }

    /**
     * The weight step: SGD on the loss of (x, y) with the current architecture weights fixed.
     * @param step The step's manager.
     * @param x Images [B, C, H, W].
     * @param y Labels [B].
     * @param learningRate The learning rate.
     * @return The loss and number of correct predictions, and whether the gradient was finite
     * (if not, nothing was updated).
     */
    public WeightStepResult weightStep(NDManager step, NDArray x, NDArray y, float learningRate) {
        NDArray alpha = step.create(Simplex.flatten(arch.alpha()), new Shape(arch.rows(), arch.cols()));
        NDArray logits;
        NDArray value;
        try (GradientCollector gc = engine.newGradientCollector()) {
            logits = supernet.forward(new ParameterStore(step, false), new NDList(x, alpha), true).singletonOrThrow();
            value = loss.evaluate(new NDList(y), new NDList(logits));
            gc.backward(value);
        }
        boolean finite = Float.isFinite(sgd.step(learningRate));
        return new WeightStepResult(value.getFloat(), logits.argMax(1).eq(y).countNonzero().getLong(), finite);
    }
}
