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

import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.arch.ArchitectureOptimizer;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GAEA's architecture update: exponentiated gradient (mirror descent with the entropy mirror
 * map), α ← α·exp(−η∇), then clamp and renormalize each row. Reference values: η 0.1 (0.01 with
 * Gumbel sampling), no entropic regularizer (0.01 with Gumbel sampling), clamp at 1e-5, clamp
 * before normalizing (normalize first with Gumbel sampling); β by EG with its own rate, no clamp.
 */
public final class ExponentiatedGradientUpdate implements ArchitectureUpdate {

    /** Which of clamping and normalizing a row comes first. */
    public enum NormalizeOrder {
        /** The method's reference: normalize first with Gumbel sampling, clamp first otherwise. */
        REFERENCE,
        /** Clamp, then normalize (GAEA DARTS / PC-DARTS). */
        CLAMP_FIRST,
        /** Normalize, then clamp (GAEA GDAS). */
        NORMALIZE_FIRST
    }

    @Config(description = "Step size η of α; 0 means the reference (0.1, or 0.01 with Gumbel sampling).")
    private float learningRate = 0f;
    @Config(description = "Step size of the edge weights β; 0 means the step size of α.")
    private float edgeLearningRate = 0f;
    @Config(description = "Weight λ of the entropic regularizer KL(α‖uniform); -1 means the reference (0.01 with Gumbel sampling, else 0).")
    private float entropicWeight = -1f;
    @Config(description = "Floor of every α after a step, in [0, 1).")
    private float clampMin = ExponentiatedGradient.CLAMP_MIN;
    @Config(description = "Order of clamping and normalizing: REFERENCE, CLAMP_FIRST or NORMALIZE_FIRST.")
    private NormalizeOrder normalizeOrder = NormalizeOrder.REFERENCE;

    /** The reference update. */
    public ExponentiatedGradientUpdate() {}

    /**
     * An update with the given step size and the reference for everything else.
     * @param learningRate η of α; 0 means the reference.
     */
    public ExponentiatedGradientUpdate(float learningRate) {
        this(learningRate, 0f, -1f, ExponentiatedGradient.CLAMP_MIN, NormalizeOrder.REFERENCE);
    }

    /**
     * An update with every setting given.
     * @param learningRate η of α; 0 means the reference.
     * @param edgeLearningRate η of β; 0 means η of α.
     * @param entropicWeight λ; -1 means the reference.
     * @param clampMin Floor of every α, in [0, 1).
     * @param normalizeOrder Clamp or normalize first.
     */
    public ExponentiatedGradientUpdate(float learningRate, float edgeLearningRate, float entropicWeight, float clampMin,
                                       NormalizeOrder normalizeOrder) {
        this.learningRate = learningRate;
        this.edgeLearningRate = edgeLearningRate;
        this.entropicWeight = entropicWeight;
        this.clampMin = clampMin;
        this.normalizeOrder = normalizeOrder;
        validate();
    }

    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
    }

    private void validate() {
        SettingChecks.nonNegative("learningRate", learningRate);
        SettingChecks.nonNegative("edgeLearningRate", edgeLearningRate);
        SettingChecks.referenceOrNonNegative("entropicWeight", entropicWeight);
        SettingChecks.fraction("clampMin", clampMin);
        if (normalizeOrder == null) {
            throw new InvalidSettingException("normalizeOrder", "must be REFERENCE, CLAMP_FIRST or NORMALIZE_FIRST");
        }
    }

    @Override
    public ArchitectureGeometry geometry() {
        return ArchitectureGeometry.EXPONENTIATED_GRADIENT;
    }

    @Override
    public ExponentiatedGradientUpdate resolve(SearchMethod method) {
        ReferenceSettings reference = method.reference();
        float lr = learningRate > 0 ? learningRate : reference.archLearningRate();
        float lambda = entropicWeight >= 0 ? entropicWeight : reference.entropicWeight();
        NormalizeOrder order = normalizeOrder != NormalizeOrder.REFERENCE ? normalizeOrder : reference.normalizeOrder();
        return new ExponentiatedGradientUpdate(lr, edgeLearningRate > 0 ? edgeLearningRate : lr, lambda, clampMin, order);
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public float edgeLearningRate() {
        return edgeLearningRate;
    }

    /**
     * The update options of α.
     * @return The options (call on a resolved update).
     */
    public ExponentiatedGradient.Options options() {
        return new ExponentiatedGradient.Options(normalizeOrder == NormalizeOrder.NORMALIZE_FIRST, clampMin,
                Math.max(0f, entropicWeight));
    }

    @Override
    public ArchitectureWeights newWeights(SearchSpace space, boolean edgeWeights, long seed) {
        requireResolved();
        ExponentiatedGradient alpha = new ExponentiatedGradient(space.alphaRows(), space.ops().size(), learningRate, options());
        List<ArchitectureOptimizer> edges = new ArrayList<>();
        if (edgeWeights) {
            for (int group : space.edgeGroups()) {
                edges.add(new ExponentiatedGradient(1, group, edgeLearningRate, ExponentiatedGradient.Options.edges()));
            }
        }
        return new ArchitectureWeights(alpha, edges);
    }

    private void requireResolved() {
        if (learningRate == 0 || edgeLearningRate == 0 || entropicWeight < 0 || normalizeOrder == NormalizeOrder.REFERENCE) {
            throw new IllegalStateException("resolve the update against the search method first: " + this);
        }
    }

    @Override
    public String describe() {
        // An unresolved update shows its "reference" settings as such, not as the 0 / -1 that stand for them.
        return String.format(Locale.ROOT, "archLearningRate=%s, edgeLearningRate=%s, archEntropicWeight=%s, clampMin=%s, "
                        + "normalizeOrder=%s", learningRate == 0 ? "reference" : learningRate,
                edgeLearningRate == 0 ? "archLearningRate" : edgeLearningRate,
                entropicWeight < 0 ? "reference" : entropicWeight, clampMin, normalizeOrder);
    }

    @Override
    public String toString() {
        return "ExponentiatedGradientUpdate(" + describe() + ")";
    }
}
