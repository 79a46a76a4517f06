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

import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.arch.ArchitectureOptimizer;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.SoftmaxAdam;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.train.CosineSchedule;
import org.tribuo.nas.util.InvalidSettingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a GAEA search. Build with {@link #builder()}, naming the space; the other defaults are the reference's
 * NAS-Bench-201 configuration (see docs/gaea.md for the few deviations).
 *
 * @param space The search space with its candidate ops.
 * @param supernet Supernet sizes and options (C, depth, partial channels, edge weights).
 * @param architecture The architecture update, resolved against the method (no reference
 *                     settings left).
 * @param relaxation Continuous mixing or Gumbel sampling.
 * @param archWarmupEpochs Epochs before the first architecture step (the architecture is frozen).
 * @param tauMax Gumbel temperature at the start (Gumbel relaxation only).
 * @param tauMin Gumbel temperature the schedule ends at (Gumbel relaxation only).
 * @param scheme Single-level or bilevel.
 * @param singlePass Whether one forward/backward pass on the weights' batch gives both the
 *                   architecture's and the weights' gradients (single-level only; see
 *                   docs/gaea.md).
 * @param epochs Search epochs.
 * @param batchSize Minibatch size of both steps.
 * @param weightLearningRate Initial weight learning rate.
 * @param weightLearningRateMin Final weight learning rate of the cosine schedule.
 * @param lrPeriodEpochs Cosine period in epochs.
 * @param momentum SGD momentum.
 * @param weightDecay SGD weight decay.
 * @param gradClip Global gradient-norm bound of the weight step.
 * @param seed Seed for initialization, shuffling, splitting and Gumbel noise.
 * @param device Device setting: auto, cpu, gpu or gpu:N.
 */
public record SearchConfig(SearchSpace space, SupernetSettings supernet, ArchitectureUpdate architecture,
                           Relaxation relaxation, int archWarmupEpochs,
                           float tauMax, float tauMin, SearchScheme scheme, boolean singlePass, int epochs,
                           int batchSize, float weightLearningRate, float weightLearningRateMin,
                           int lrPeriodEpochs, float momentum, float weightDecay, float gradClip, long seed,
                           String device) {

    /**
     * Validates every setting; the message names the setting.
     */
    public SearchConfig {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(supernet, "supernet");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(relaxation, "relaxation");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(device, "device");
        space.checkSupernet(supernet);
        if (singlePass && scheme == SearchScheme.BILEVEL) {
            throw singlePassWithBilevel();
        }
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        positive("lrPeriodEpochs", lrPeriodEpochs);
        positive("archLearningRate", architecture.learningRate());
        positive("edgeLearningRate", architecture.edgeLearningRate());
        positive("weightLearningRate", weightLearningRate);
        positive("tauMax", tauMax);
        positive("tauMin", tauMin);
        if (tauMin > tauMax) {
            throw new IllegalArgumentException("tauMin (" + tauMin + ") must not exceed tauMax (" + tauMax + ")");
        }
        nonNegative("archWarmupEpochs", archWarmupEpochs);
        if (archWarmupEpochs >= epochs) {
            throw new IllegalArgumentException("archWarmupEpochs (" + archWarmupEpochs + ") leaves no epoch of the "
                    + epochs + " search epochs to update the architecture; set it below the search epochs");
        }
        nonNegative("weightLearningRateMin", weightLearningRateMin);
        nonNegative("weightDecay", weightDecay);
        nonNegative("gradClip", gradClip);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    /**
     * The refusal of the single pass with the bilevel scheme.
     * @return The error, naming singlePass and scheme.
     */
    static InvalidSettingException singlePassWithBilevel() {
        return new InvalidSettingException("singlePass", "cannot be used with scheme BILEVEL: the single pass takes the "
                + "architecture's gradient on the weights' batch, while bilevel trains the architecture on the held-out "
                + "half; use scheme SINGLE_LEVEL or singlePass=false");
    }

    /**
     * The record's form, with singlePass only when it is on: checkpoint fingerprints (e.g.
     * LongBudget's) hold this string, so that of a two-pass search stays what it was before the
     * option existed.
     * @return {@code SearchConfig[space=..., device=...]}.
     */
    @Override
    public String toString() {
        return "SearchConfig[space=" + space + ", supernet=" + supernet + ", architecture=" + architecture
                + ", relaxation=" + relaxation + ", archWarmupEpochs=" + archWarmupEpochs + ", tauMax=" + tauMax
                + ", tauMin=" + tauMin + ", scheme=" + scheme + (singlePass ? ", singlePass=true" : "")
                + ", epochs=" + epochs + ", batchSize=" + batchSize + ", weightLearningRate=" + weightLearningRate
                + ", weightLearningRateMin=" + weightLearningRateMin + ", lrPeriodEpochs=" + lrPeriodEpochs
                + ", momentum=" + momentum + ", weightDecay=" + weightDecay + ", gradClip=" + gradClip + ", seed=" + seed
                + ", device=" + device + "]";
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
        }
    }

    /**
     * A builder holding the reference defaults.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Channels C of the supernet.
     * @return C.
     */
    public int channels() {
        return supernet.channels();
    }

    /**
     * Depth of the supernet: cells per stage (NAS-Bench-201) or cells (DARTS, tabular).
     * @return The depth.
     */
    public int depth() {
        return supernet.depth();
    }

    /**
     * The weight learning-rate schedule.
     * @return The cosine schedule.
     */
    public CosineSchedule schedule() {
        return new CosineSchedule(weightLearningRate, weightLearningRateMin, lrPeriodEpochs);
    }

    /**
     * Fresh architecture parameters of the configured geometry: α over the space's edges and,
     * with edge weights, β per node.
     * @return The weights.
     */
    public ArchitectureWeights newArchitectureWeights() {
        return architecture.newWeights(space, supernet.edgeWeights(), seed);
    }

    /**
     * The geometry of the architecture update.
     * @return EG or softmax-Adam.
     */
    public ArchitectureGeometry geometry() {
        return architecture.geometry();
    }

    /**
     * The learning rate of α.
     * @return The resolved rate.
     */
    public float archLearningRate() {
        return architecture.learningRate();
    }

    /**
     * The learning rate of β.
     * @return The resolved rate.
     */
    public float edgeLearningRate() {
        return architecture.edgeLearningRate();
    }

    /**
     * The reference architecture learning rate of a geometry.
     * @param geometry The geometry.
     * @return 0.1 for EG, 3e-4 for softmax-Adam.
     */
    public static float defaultArchLearningRate(ArchitectureGeometry geometry) {
        return geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT
                ? ExponentiatedGradient.DEFAULT_LEARNING_RATE : SoftmaxAdam.DEFAULT_LEARNING_RATE;
    }

    /** Builds a {@link SearchConfig}; the space must be set, unset fields keep the reference defaults. */
    public static final class Builder {
        private SearchSpace space;
        private int channels = 16;
        private int depth = 5;
        private int partialChannels = 1;
        private boolean edgeWeights = false;
        private ArchitectureGeometry geometry = ArchitectureGeometry.EXPONENTIATED_GRADIENT;
        private ArchitectureUpdate architecture;
        private Relaxation relaxation = Relaxation.CONTINUOUS;
        private float archLearningRate = Float.NaN;
        private float archWeightDecay = SoftmaxAdam.DEFAULT_WEIGHT_DECAY;
        private float edgeLearningRate = Float.NaN;
        private float archEntropicWeight = 0f;
        private int archWarmupEpochs = 0;
        private float tauMax = 10f;
        private float tauMin = 0.1f;
        private SearchScheme scheme = SearchScheme.SINGLE_LEVEL;
        private boolean singlePass = false;
        private int epochs = 25;
        private int batchSize = 64;
        private float weightLearningRate = 0.025f;
        private float weightLearningRateMin = 0.001f;
        private int lrPeriodEpochs = 0;
        private float momentum = 0.9f;
        private float weightDecay = 3e-4f;
        private float gradClip = 5f;
        private long seed = 12345L;
        private String device = "auto";

        private Builder() {}

        /** @param v The search space. @return this */
        public Builder space(SearchSpace v) { space = v; return this; }
        /** @param v C. @return this */
        public Builder channels(int v) { channels = v; return this; }
        /** @param v N, the cells per stage of the NAS-Bench-201 supernet. @return this */
        public Builder cellsPerStage(int v) { depth = v; return this; }
        /** @param v Depth: cells per stage (NAS-Bench-201) or cells (DARTS, tabular). @return this */
        public Builder depth(int v) { depth = v; return this; }
        /** @param v K of partial channels (1 = off). @return this */
        public Builder partialChannels(int v) { partialChannels = v; return this; }
        /** @param v Whether β weighs each node's incoming edges. @return this */
        public Builder edgeWeights(boolean v) { edgeWeights = v; return this; }
        /** @param v Geometry. @return this */
        public Builder geometry(ArchitectureGeometry v) { geometry = v; return this; }
        /** @param v The architecture update; replaces geometry and every arch* setting; resolved against the method. @return this */
        public Builder architecture(ArchitectureUpdate v) { architecture = v; return this; }
        /** @param v Relaxation. @return this */
        public Builder relaxation(Relaxation v) { relaxation = v; return this; }
        /** @param v Architecture learning rate; unset means the geometry's reference value. @return this */
        public Builder archLearningRate(float v) { archLearningRate = v; return this; }
        /** @param v Softmax-Adam weight decay. @return this */
        public Builder archWeightDecay(float v) { archWeightDecay = v; return this; }
        /** @param v Edge-weight learning rate; unset means the architecture learning rate. @return this */
        public Builder edgeLearningRate(float v) { edgeLearningRate = v; return this; }
        /** @param v λ of the entropic regularizer (EG only). @return this */
        public Builder archEntropicWeight(float v) { archEntropicWeight = v; return this; }
        /** @param v Epochs with the architecture frozen. @return this */
        public Builder archWarmupEpochs(int v) { archWarmupEpochs = v; return this; }
        /** @param max Initial Gumbel temperature. @param min Final temperature. @return this */
        public Builder temperature(float max, float min) { tauMax = max; tauMin = min; return this; }
        /** @param v Scheme. @return this */
        public Builder scheme(SearchScheme v) { scheme = v; return this; }
        /** @param v Whether one forward/backward pass gives both steps' gradients (single-level only). @return this */
        public Builder singlePass(boolean v) { singlePass = v; return this; }
        /** @param v Epochs. @return this */
        public Builder epochs(int v) { epochs = v; return this; }
        /** @param v Batch size. @return this */
        public Builder batchSize(int v) { batchSize = v; return this; }
        /** @param v Initial weight learning rate. @return this */
        public Builder weightLearningRate(float v) { weightLearningRate = v; return this; }
        /** @param v Final weight learning rate. @return this */
        public Builder weightLearningRateMin(float v) { weightLearningRateMin = v; return this; }
        /** @param v Cosine period; unset (0) means twice the epochs, the reference's 50 for 25. @return this */
        public Builder lrPeriodEpochs(int v) { lrPeriodEpochs = v; return this; }
        /** @param v Momentum. @return this */
        public Builder momentum(float v) { momentum = v; return this; }
        /** @param v Weight decay. @return this */
        public Builder weightDecay(float v) { weightDecay = v; return this; }
        /** @param v Gradient-norm bound. @return this */
        public Builder gradClip(float v) { gradClip = v; return this; }
        /** @param v Seed. @return this */
        public Builder seed(long v) { seed = v; return this; }
        /** @param v Device setting. @return this */
        public Builder device(String v) { device = v; return this; }

        /**
         * Validates and builds.
         * @return The configuration.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        /** The update the geometry and arch* settings describe, every value explicit. */
        private ArchitectureUpdate explicitUpdate() {
            float archLr = Float.isNaN(archLearningRate) ? defaultArchLearningRate(geometry) : archLearningRate;
            float edgeLr = Float.isNaN(edgeLearningRate) ? archLr : edgeLearningRate;
            if (geometry == ArchitectureGeometry.SOFTMAX_ADAM) {
                if (archEntropicWeight > 0) {
                    throw new IllegalArgumentException("archEntropicWeight applies to the EXPONENTIATED_GRADIENT geometry only");
                }
                return new SoftmaxAdamUpdate(archLr, edgeLr, archWeightDecay, SoftmaxAdam.DEFAULT_BETA1, SoftmaxAdam.DEFAULT_BETA2);
            }
            return new ExponentiatedGradientUpdate(archLr, edgeLr, archEntropicWeight, ExponentiatedGradient.CLAMP_MIN,
                    relaxation == Relaxation.GUMBEL ? ExponentiatedGradientUpdate.NormalizeOrder.NORMALIZE_FIRST
                            : ExponentiatedGradientUpdate.NormalizeOrder.CLAMP_FIRST);
        }

        public SearchConfig build() {
            if (space == null) {
                throw new IllegalArgumentException("the search space must be set");
            }
            int period = lrPeriodEpochs == 0 ? 2 * epochs : lrPeriodEpochs;
            if (channels <= 0 || depth <= 0 || partialChannels <= 0) {
                throw new IllegalArgumentException("channels, depth and partialChannels must be positive, got C="
                        + channels + ", depth=" + depth + ", K=" + partialChannels);
            }
            ArchitectureUpdate update = architecture != null
                    ? architecture.resolve(new SearchMethod(architecture.geometry(), relaxation, edgeWeights))
                    : explicitUpdate();
            return new SearchConfig(space, new SupernetSettings(channels, depth, partialChannels, edgeWeights), update,
                    relaxation, archWarmupEpochs, tauMax, tauMin, scheme, singlePass, epochs, batchSize,
                    weightLearningRate, weightLearningRateMin, period, momentum, weightDecay, gradClip, seed, device);
        }
    }
}
