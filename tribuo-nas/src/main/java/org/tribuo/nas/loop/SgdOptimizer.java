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

package org.tribuo.nas.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.nas.numerics.NativeScalars;

/**
 * SGD with momentum and weight decay over a block's trainable parameters, with
 * {@code clip_grad_norm_}-style clipping of the global gradient L2 norm.
 * <p>
 * Each parameter is updated by one fused native call (PyTorch engine's {@code sgdUpdate}), with
 * the clipping factor passed as its gradient rescale; the call also zeroes the gradient. That
 * call keeps MXNet-style momentum ({@code v = m·v − lr·g; w += v}), which equals PyTorch's
 * ({@code b = m·b + g; w −= lr·b}) with {@code v = −lr·b} as long as the learning rate is
 * constant; when it changes, the buffers are rescaled by {@code lr_new / lr_old} so the
 * updates stay exactly PyTorch's.
 * Momentum buffers live in this optimizer's own manager; {@link #close()} frees them.
 */
public final class SgdOptimizer implements AutoCloseable {

    private final List<Parameter> parameters = new ArrayList<>();
    private final NDManager stateManager;
    private final float momentum;
    private final float weightDecay;
    private final float maxGradNorm;
    private final NDArray[] momentumBuffers;
    private float lastLearningRate;

    /**
     * Creates the optimizer.
     * @param block The initialized block whose parameters that require gradients are trained.
     * @param manager A manager to create the optimizer's state under (a sub-manager is used).
     * @param momentum Momentum in [0, 1).
     * @param weightDecay L2 weight decay, non-negative.
     * @param maxGradNorm The global gradient-norm bound; non-positive disables clipping.
     */
    public SgdOptimizer(Block block, NDManager manager, float momentum, float weightDecay, float maxGradNorm) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must be non-negative, got " + weightDecay);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                parameters.add(p.getValue());
            }
        }
        this.stateManager = manager.newSubManager();
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.maxGradNorm = maxGradNorm;
        this.momentumBuffers = new NDArray[parameters.size()];
        if (momentum > 0) {
            for (int i = 0; i < parameters.size(); i++) {
                momentumBuffers[i] = parameters.get(i).getArray().zerosLike();
                momentumBuffers[i].attach(stateManager);
            }
        }
    }

    /**
     * Applies one update with the accumulated gradients, then zeroes them. If the gradient norm is
     * not finite nothing is updated: the gradients are zeroed and the non-finite norm returned, so
     * the caller can recompute the step (see {@link StepGuard}).
     * @param learningRate The learning rate of this step.
     * @return The global gradient L2 norm before clipping.
     */
    public float step(float learningRate) {
        try (NDManager scratch = stateManager.newSubManager()) {
            NDArray[] grads = new NDArray[parameters.size()];
            NDArray squaredNorm = null;
            for (int i = 0; i < grads.length; i++) {
                grads[i] = parameters.get(i).getArray().getGradient();
                grads[i].attach(scratch);
                NDArray sq = grads[i].square().sum();
                squaredNorm = squaredNorm == null ? sq : squaredNorm.add(sq);
            }
            float norm = squaredNorm == null ? 0f : (float) Math.sqrt(squaredNorm.getFloat());
            if (!Float.isFinite(norm)) {
                zeroGradients();
                return norm;
            }
            rescaleMomentum(learningRate);
            float rescale = 1f;
            if (maxGradNorm > 0 && norm > maxGradNorm) {
                rescale = maxGradNorm / (norm + 1e-6f);
            }
            for (int i = 0; i < grads.length; i++) {
                NDArray weight = parameters.get(i).getArray();
                NDList inputs = momentum > 0 ? new NDList(weight, grads[i], momentumBuffers[i]) : new NDList(weight, grads[i]);
                weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), learningRate, weightDecay,
                        rescale, -1f, momentum, false);
            }
            return norm;
        }
    }

    private void rescaleMomentum(float learningRate) {
        if (momentum > 0 && lastLearningRate > 0 && learningRate != lastLearningRate) {
            for (NDArray buffer : momentumBuffers) {
                NativeScalars.muli(buffer, learningRate / lastLearningRate);
            }
        }
        lastLearningRate = learningRate;
    }

    /**
     * Zeroes the accumulated gradients without updating (e.g. after an architecture step,
     * whose backward pass also reaches the weights).
     */
    public void zeroGradients() {
        // A native zero fill: subtracting a gradient from itself would keep NaNs (NaN − NaN).
        for (Parameter p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }

    /**
     * The trained parameters.
     * @return The parameters, in block order.
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The momentum buffers as plain arrays, in parameter order (for checkpoints). They are kept in
     * the fused update's convention, {@code v = −lr·b}, so {@link #restore} needs nothing else
     * than them and {@link #lastLearningRate()}.
     * @return One array per trained parameter; empty arrays when momentum is 0.
     */
    public float[][] momentumState() {
        float[][] out = new float[parameters.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = momentumBuffers[i] == null ? new float[0] : momentumBuffers[i].toFloatArray();
        }
        return out;
    }

    /**
     * The learning rate of the last step (0 before the first).
     * @return The rate.
     */
    public float lastLearningRate() {
        return lastLearningRate;
    }

    /**
     * Continues from saved state: afterwards the updates are exactly those of the optimizer that
     * saved it.
     * @param buffers {@link #momentumState()} of an optimizer over the same parameters.
     * @param lastLearningRate Its {@link #lastLearningRate()}.
     * @throws IllegalArgumentException if the buffers do not match the parameters.
     */
    public void restore(float[][] buffers, float lastLearningRate) {
        if (buffers.length != parameters.size()) {
            throw new IllegalArgumentException("momentum state has " + buffers.length + " buffers, the optimizer trains "
                    + parameters.size() + " parameters");
        }
        for (int i = 0; i < buffers.length; i++) {
            if (momentumBuffers[i] == null) {
                if (buffers[i].length != 0) {
                    throw new IllegalArgumentException("momentum state has buffers but this optimizer has momentum 0");
                }
                continue;
            }
            if (buffers[i].length != momentumBuffers[i].size()) {
                throw new IllegalArgumentException("momentum buffer " + i + " (" + parameters.get(i).getName() + ") has "
                        + buffers[i].length + " values, the parameter has " + momentumBuffers[i].size());
            }
            momentumBuffers[i].set(buffers[i]);
        }
        this.lastLearningRate = lastLearningRate;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
