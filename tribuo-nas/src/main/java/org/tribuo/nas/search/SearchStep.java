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
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.loop.ExclusiveGradientCollector;
import org.tribuo.nas.loop.SgdOptimizer;

import java.util.Objects;

/**
 * One minibatch of the search: the architecture step, then the weight step; or, with the single
 * pass, both updates from one forward/backward pass.
 * <p>
 * Every step takes already-made batches, so the same code serves the search loop and the
 * step-time benchmark. Every array a step makes belongs to the given step manager. With the
 * Gumbel relaxation each step is given a sample (one op per edge); the supernet then runs only the
 * sampled ops.
 * <p>
 * Each step is a backward pass (which only computes gradients) followed by the updates, so that
 * the gradients of the two-pass and the single-pass steps can be compared at one point.
 */
public final class SearchStep {

    /** What the weight step saw. */
    public record WeightStepResult(float loss, long correct, boolean finite) {}

    /** The loss and logits of a backward pass, whose gradients sit on the leaves and weights. */
    record Pass(NDArray loss, NDArray logits) {
        WeightStepResult result(NDArray y, boolean finite) {
            return new WeightStepResult(loss.getFloat(), logits.argMax(1).eq(y).countNonzero().getLong(), finite);
        }
    }

    private final Block supernet;
    private final ArchitectureWeights arch;
    private final SgdOptimizer sgd;
    private final Engine engine;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /**
     * Creates the step.
     * @param supernet The initialized supernet.
     * @param arch The architecture weights and their optimizers.
     * @param sgd The weight optimizer over the supernet's parameters.
     * @param engine The engine.
     */
    public SearchStep(Block supernet, ArchitectureWeights arch, SgdOptimizer sgd, Engine engine) {
        this.supernet = supernet;
        this.arch = arch;
        this.sgd = sgd;
        this.engine = engine;
    }

    /**
     * The continuous architecture step: {@link #architectureStep(NDManager, NDArray, NDArray, EdgeMixing)}
     * with every op mixed by α.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @return False, with nothing updated, if the gradient was not finite.
     */
    public boolean architectureStep(NDManager step, NDArray x, NDArray y) {
        return architectureStep(step, x, y, EdgeMixing.continuous());
    }

    /**
     * The architecture step: a first-order gradient of the loss on (x, y) with respect to the
     * architecture parameters, with the current weights, handed to the geometry.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @param mixing How the edges mix their ops in this pass.
     * @return False, with nothing updated, if the gradient was not finite.
     */
    public boolean architectureStep(NDManager step, NDArray x, NDArray y, EdgeMixing mixing) {
        ArchitectureWeights.Gradient gradient = architectureGradient(step, x, y, mixing);
        if (!gradient.finite()) {
            return false;
        }
        arch.apply(gradient);
        return true;
    }

    /**
     * The backward pass of the architecture step, updating nothing. The weights stop tracking
     * gradients for it, so PyTorch skips computing theirs (they would be discarded anyway).
     */
    ArchitectureWeights.Gradient architectureGradient(NDManager step, NDArray x, NDArray y, EdgeMixing mixing) {
        ArchitectureWeights.Leaves leaves = arch.newLeaves(step);
        trackWeightGradients(false);
        try {
            backward(step, x, y, leaves, mixing);
        } finally {
            trackWeightGradients(true);
        }
        return arch.gradient(leaves);
    }

    private void trackWeightGradients(boolean track) {
        for (Parameter p : sgd.parameters()) {
            p.getArray().setRequiresGradient(track);
        }
    }

    /**
     * The continuous weight step: SGD on the loss of (x, y) with the current architecture fixed.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @param learningRate The learning rate.
     * @return The loss and number of correct predictions, and whether the gradient was finite
     * (if not, nothing was updated).
     */
    public WeightStepResult weightStep(NDManager step, NDArray x, NDArray y, float learningRate) {
        return weightStep(step, x, y, learningRate, EdgeMixing.continuous());
    }

    /**
     * The weight step: SGD on the loss of (x, y) with the architecture fixed: the current α, or,
     * with a sampled mixing, the sampled op of every edge at weight 1.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @param learningRate The learning rate.
     * @param mixing How the edges mix their ops in this pass.
     * @return The loss and number of correct predictions, and whether the gradient was finite
     * (if not, nothing was updated).
     */
    public WeightStepResult weightStep(NDManager step, NDArray x, NDArray y, float learningRate, EdgeMixing mixing) {
        Pass pass = weightGradient(step, x, y, mixing);
        boolean finite = Float.isFinite(sgd.step(learningRate));
        return pass.result(y, finite);
    }

    /**
     * The backward pass of the weight step: the gradients are left on the weights, nothing is
     * updated.
     */
    Pass weightGradient(NDManager step, NDArray x, NDArray y, EdgeMixing mixing) {
        Objects.requireNonNull(mixing, "mixing (EdgeMixing.continuous() for the continuous relaxation)");
        float[][] weights = mixing.constantWeights(arch.alpha());
        NDList inputs = new NDList(x, step.create(Simplex.flatten(weights), new Shape(weights.length, weights[0].length)));
        NDArray beta = arch.constantBeta(step);
        if (beta != null) {
            inputs.add(beta);
        }
        try (GradientCollector gc = ExclusiveGradientCollector.open(engine)) {
            return lossBackward(gc, step, inputs, y, mixing.selection());
        }
    }

    /**
     * The single pass: one forward/backward on (x, y) gives the gradients of the weights and of
     * the architecture parameters at the current point; the geometry's update and the SGD step
     * are both taken from them. With a sampled mixing the forward pass runs the sampled ops with the
     * straight-through weights, whose value is the sample's one-hot, so the weights see what the
     * weight step with that sample would show them.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @param learningRate The weights' learning rate.
     * @param mixing How the edges mix their ops in this pass.
     * @return The loss and number of correct predictions, and whether both gradients were finite
     * (if not, neither the architecture nor the weights were updated).
     */
    public WeightStepResult singlePassStep(NDManager step, NDArray x, NDArray y, float learningRate, EdgeMixing mixing) {
        ArchitectureWeights.Leaves leaves = arch.newLeaves(step);
        Pass pass = backward(step, x, y, leaves, mixing);
        ArchitectureWeights.Gradient gradient = arch.gradient(leaves);
        if (!gradient.finite()) {
            sgd.zeroGradients();
            return pass.result(y, false);
        }
        // SgdOptimizer updates nothing when the weights' gradient norm is not finite; α waits for it.
        if (!Float.isFinite(sgd.step(learningRate))) {
            return pass.result(y, false);
        }
        arch.apply(gradient);
        return pass.result(y, true);
    }

    /**
     * The backward pass of the single pass: the weights' gradients are left on them, the
     * architecture's returned; nothing is updated.
     */
    ArchitectureWeights.Gradient singlePassGradient(NDManager step, NDArray x, NDArray y, EdgeMixing mixing) {
        ArchitectureWeights.Leaves leaves = arch.newLeaves(step);
        backward(step, x, y, leaves, mixing);
        return arch.gradient(leaves);
    }

    /** Forward and backward with the architecture as differentiable leaves (and the weights as they track). */
    private Pass backward(NDManager step, NDArray x, NDArray y, ArchitectureWeights.Leaves leaves, EdgeMixing mixing) {
        Objects.requireNonNull(mixing, "mixing (EdgeMixing.continuous() for the continuous relaxation)");
        try (GradientCollector gc = ExclusiveGradientCollector.open(engine)) {
            NDArray alpha = mixing.weights(arch.alphaWeights(leaves));
            NDList inputs = new NDList(x, alpha);
            NDArray beta = arch.betaWeights(leaves);
            if (beta != null) {
                inputs.add(beta);
            }
            return lossBackward(gc, step, inputs, y, mixing.selection());
        }
    }

    private Pass lossBackward(GradientCollector gc, NDManager step, NDList inputs, NDArray y, OpSelection selection) {
        NDArray logits = supernet.forward(new ParameterStore(step, false), inputs, true, selection.params()).singletonOrThrow();
        NDArray value = loss.evaluate(new NDList(y), new NDList(logits));
        gc.backward(value);
        return new Pass(value, logits);
    }
}
