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
import org.tribuo.nas.arch.SoftmaxAdam;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baselines' architecture update (DARTS, PC-DARTS, GDAS): α = softmax(θ), θ trained by Adam
 * with L2 weight decay. Reference values: learning rate 3e-4 (6e-4 for PC-DARTS), weight decay
 * 1e-3, betas 0.5 and 0.999; β as softmax logits by the same Adam with its own rate.
 */
public final class SoftmaxAdamUpdate implements ArchitectureUpdate {

    @Config(description = "Adam learning rate of the α logits; 0 means the reference (3e-4, or 6e-4 for PC-DARTS).")
    private float learningRate = 0f;
    @Config(description = "Adam learning rate of the β logits; 0 means the learning rate of α.")
    private float edgeLearningRate = 0f;
    @Config(description = "L2 weight decay of the logits.")
    private float weightDecay = ReferenceSettings.ADAM_WEIGHT_DECAY;
    @Config(description = "Adam's first-moment decay, in [0, 1).")
    private float beta1 = SoftmaxAdam.DEFAULT_BETA1;
    @Config(description = "Adam's second-moment decay, in [0, 1).")
    private float beta2 = SoftmaxAdam.DEFAULT_BETA2;

    /** The reference update. */
    public SoftmaxAdamUpdate() {}

    /**
     * An update with every setting given.
     * @param learningRate Learning rate of α; 0 means the reference.
     * @param edgeLearningRate Learning rate of β; 0 means that of α.
     * @param weightDecay L2 weight decay of the logits.
     * @param beta1 First-moment decay.
     * @param beta2 Second-moment decay.
     */
    public SoftmaxAdamUpdate(float learningRate, float edgeLearningRate, float weightDecay, float beta1, float beta2) {
        this.learningRate = learningRate;
        this.edgeLearningRate = edgeLearningRate;
        this.weightDecay = weightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        validate();
    }

    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
    }

    private void validate() {
        SettingChecks.nonNegative("learningRate", learningRate);
        SettingChecks.nonNegative("edgeLearningRate", edgeLearningRate);
        SettingChecks.nonNegative("weightDecay", weightDecay);
        SettingChecks.fraction("beta1", beta1);
        SettingChecks.fraction("beta2", beta2);
    }

    @Override
    public ArchitectureGeometry geometry() {
        return ArchitectureGeometry.SOFTMAX_ADAM;
    }

    @Override
    public SoftmaxAdamUpdate resolve(SearchMethod method) {
        float lr = learningRate > 0 ? learningRate : method.reference().archLearningRate();
        return new SoftmaxAdamUpdate(lr, edgeLearningRate > 0 ? edgeLearningRate : lr, weightDecay, beta1, beta2);
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
     * The L2 weight decay of the logits.
     * @return The decay.
     */
    public float weightDecay() {
        return weightDecay;
    }

    @Override
    public ArchitectureWeights newWeights(SearchSpace space, boolean edgeWeights, long seed) {
        if (learningRate == 0 || edgeLearningRate == 0) {
            throw new IllegalStateException("resolve the update against the search method first: " + this);
        }
        SoftmaxAdam alpha = new SoftmaxAdam(space.alphaRows(), space.ops().size(), learningRate, weightDecay, beta1, beta2, seed);
        List<ArchitectureOptimizer> edges = new ArrayList<>();
        if (edgeWeights) {
            int[] groups = space.edgeGroups();
            for (int g = 0; g < groups.length; g++) {
                edges.add(new SoftmaxAdam(1, groups[g], edgeLearningRate, weightDecay, beta1, beta2, seed + 1 + g));
            }
        }
        return new ArchitectureWeights(alpha, edges);
    }

    @Override
    public String describe() {
        // An unresolved update shows its "reference" settings as such, not as the 0 that stands for them.
        return String.format(Locale.ROOT, "archLearningRate=%s, edgeLearningRate=%s, archWeightDecay=%s, beta1=%s, beta2=%s",
                learningRate == 0 ? "reference" : learningRate, edgeLearningRate == 0 ? "archLearningRate" : edgeLearningRate,
                weightDecay, beta1, beta2);
    }

    @Override
    public String toString() {
        return "SoftmaxAdamUpdate(" + describe() + ")";
    }
}
