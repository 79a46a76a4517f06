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
import org.tribuo.nas.arch.GumbelSample;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.train.ExclusiveGradientCollector;
import org.tribuo.nas.train.SgdOptimizer;

/**
 * One minibatch of the search: the architecture step, then the weight step.
 * <p>
 * Both steps take already-made batches, so the same code serves the search loop and the
 * step-time benchmark. Every array a step makes belongs to the given step manager. With the
 * Gumbel relaxation each step is given a sample (one op per edge); the supernet then runs only the
 * sampled ops.
 */
public final class SearchStep {

    /** What the weight step saw. */
    public record WeightStepResult(float loss, long correct, boolean finite) {}

    /**
     * A Gumbel draw for one step.
     * @param sample The noise and the sampled op of every edge.
     * @param tau The temperature of the straight-through softmax.
     */
    public record GumbelDraw(GumbelSample sample, float tau) {}

    private final Block supernet;
    private final ArchitectureWeights arch;
    private final OpSelection selection;
    private final SgdOptimizer sgd;
    private final Engine engine;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /**
     * Creates the step.
     * @param supernet The initialized supernet.
     * @param arch The architecture weights and their optimizers.
     * @param selection The op selection the supernet's edges read.
     * @param sgd The weight optimizer over the supernet's parameters.
     * @param engine The engine.
     */
    public SearchStep(Block supernet, ArchitectureWeights arch, OpSelection selection, SgdOptimizer sgd, Engine engine) {
        this.supernet = supernet;
        this.arch = arch;
        this.selection = selection;
        this.sgd = sgd;
        this.engine = engine;
    }

    /**
     * The continuous architecture step: {@link #architectureStep(NDManager, NDArray, NDArray, GumbelDraw)}
     * without a sample.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @return False, with nothing updated, if the gradient was not finite.
     */
    public boolean architectureStep(NDManager step, NDArray x, NDArray y) {
        return architectureStep(step, x, y, null);
    }

    /**
     * The architecture step: a first-order gradient of the loss on (x, y) with respect to the
     * architecture parameters, with the current weights, handed to the geometry. The weights stop
     * tracking gradients for this backward pass, so PyTorch skips computing theirs (they would be
     * discarded anyway).
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @param draw The Gumbel sample (straight-through hard weights), or null for the continuous relaxation.
     * @return False, with nothing updated, if the gradient was not finite.
     */
    public boolean architectureStep(NDManager step, NDArray x, NDArray y, GumbelDraw draw) {
        ArchitectureWeights.Leaves leaves = arch.newLeaves(step);
        trackWeightGradients(false);
        try (GradientCollector gc = ExclusiveGradientCollector.open(engine)) {
            NDArray alpha = arch.alphaWeights(leaves);
            if (draw != null) {
                alpha = GumbelSampler.hardWeights(alpha, draw.sample(), draw.tau());
                selection.sample(draw.sample().index());
            }
            NDList inputs = new NDList(x, alpha);
            NDArray beta = arch.betaWeights(leaves);
            if (beta != null) {
                inputs.add(beta);
            }
            NDArray logits = supernet.forward(new ParameterStore(step, false), inputs, true).singletonOrThrow();
            gc.backward(loss.evaluate(new NDList(y), new NDList(logits)));
        } finally {
            selection.all();
            trackWeightGradients(true);
        }
        return arch.step(leaves);
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
        return weightStep(step, x, y, learningRate, null);
    }

    /**
     * The weight step: SGD on the loss of (x, y) with the architecture fixed: the current α, or,
     * with a Gumbel sample, the sampled op of every edge at weight 1.
     * @param step The step's manager.
     * @param x Inputs [B, C, H, W].
     * @param y Labels [B].
     * @param learningRate The learning rate.
     * @param sample The Gumbel sample, or null for the continuous relaxation.
     * @return The loss and number of correct predictions, and whether the gradient was finite
     * (if not, nothing was updated).
     */
    public WeightStepResult weightStep(NDManager step, NDArray x, NDArray y, float learningRate, GumbelSample sample) {
        float[][] weights = sample == null ? arch.alpha() : oneHot(sample.index(), arch.alphaOptimizer().cols());
        NDList inputs = new NDList(x, step.create(Simplex.flatten(weights), new Shape(weights.length, weights[0].length)));
        NDArray beta = arch.constantBeta(step);
        if (beta != null) {
            inputs.add(beta);
        }
        NDArray logits;
        NDArray value;
        if (sample != null) {
            selection.sample(sample.index());
        }
        try (GradientCollector gc = ExclusiveGradientCollector.open(engine)) {
            logits = supernet.forward(new ParameterStore(step, false), inputs, true).singletonOrThrow();
            value = loss.evaluate(new NDList(y), new NDList(logits));
            gc.backward(value);
        } finally {
            selection.all();
        }
        boolean finite = Float.isFinite(sgd.step(learningRate));
        return new WeightStepResult(value.getFloat(), logits.argMax(1).eq(y).countNonzero().getLong(), finite);
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
