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
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.SoftmaxAdam;
import org.tribuo.nas.space.Nb201Space;
import org.tribuo.nas.train.CosineSchedule;

import java.util.Objects;

/**
 * Settings of a GAEA search on the NAS-Bench-201 space. Build with {@link #builder()}; the
 * defaults are the reference's NAS-Bench-201 configuration (see docs/gaea.md for the few
 * deviations).
 *
 * @param space Candidate ops.
 * @param channels C of the supernet.
 * @param cellsPerStage N of the supernet.
 * @param geometry Architecture geometry.
 * @param archLearningRate Architecture learning rate (η for EG, Adam's lr for softmax).
 * @param archWeightDecay Adam's L2 weight decay on the logits (softmax geometry only).
 * @param scheme Single-level or bilevel.
 * @param epochs Search epochs.
 * @param batchSize Minibatch size of both steps.
 * @param weightLearningRate Initial weight learning rate.
 * @param weightLearningRateMin Final weight learning rate of the cosine schedule.
 * @param lrPeriodEpochs Cosine period in epochs.
 * @param momentum SGD momentum.
 * @param weightDecay SGD weight decay.
 * @param gradClip Global gradient-norm bound of the weight step.
 * @param seed Seed for initialization, shuffling and splitting.
 * @param device Device setting: auto, cpu, gpu or gpu:N.
 */
public record SearchConfig(Nb201Space space, int channels, int cellsPerStage, ArchitectureGeometry geometry,
                           float archLearningRate, float archWeightDecay, SearchScheme scheme, int epochs,
                           int batchSize, float weightLearningRate, float weightLearningRateMin,
                           int lrPeriodEpochs, float momentum, float weightDecay, float gradClip, long seed,
                           String device) {

    /**
     * Validates every setting; the message names the setting.
     */
    public SearchConfig {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(device, "device");
        positive("channels", channels);
        positive("cellsPerStage", cellsPerStage);
        positive("epochs", epochs);
        positive("batchSize", batchSize);
        positive("lrPeriodEpochs", lrPeriodEpochs);
        positive("archLearningRate", archLearningRate);
        positive("weightLearningRate", weightLearningRate);
        nonNegative("archWeightDecay", archWeightDecay);
        nonNegative("weightLearningRateMin", weightLearningRateMin);
        nonNegative("weightDecay", weightDecay);
        nonNegative("gradClip", gradClip);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
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
     * The weight learning-rate schedule.
     * @return The cosine schedule.
     */
    public CosineSchedule schedule() {
        return new CosineSchedule(weightLearningRate, weightLearningRateMin, lrPeriodEpochs);
    }

    /**
     * A fresh architecture optimizer of the configured geometry for a [rows, numOps] matrix.
     * @param rows Number of edges.
     * @return The optimizer.
     */
    public ArchitectureOptimizer newArchitectureOptimizer(int rows) {
        switch (geometry) {
            case EXPONENTIATED_GRADIENT:
                return new ExponentiatedGradient(rows, space.numOps(), archLearningRate);
            case SOFTMAX_ADAM:
                return new SoftmaxAdam(rows, space.numOps(), archLearningRate, archWeightDecay, seed);
            default:
                throw new IllegalStateException("unknown geometry " + geometry);
        }
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

    /** Builds a {@link SearchConfig}; unset fields keep the reference defaults. */
    public static final class Builder {
        private Nb201Space space = Nb201Space.withoutNone();
        private int channels = 16;
        private int cellsPerStage = 5;
        private ArchitectureGeometry geometry = ArchitectureGeometry.EXPONENTIATED_GRADIENT;
        private float archLearningRate = Float.NaN;
        private float archWeightDecay = SoftmaxAdam.DEFAULT_WEIGHT_DECAY;
        private SearchScheme scheme = SearchScheme.SINGLE_LEVEL;
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

        /** @param v Candidate ops. @return this */
        public Builder space(Nb201Space v) { space = v; return this; }
        /** @param v C. @return this */
        public Builder channels(int v) { channels = v; return this; }
        /** @param v N. @return this */
        public Builder cellsPerStage(int v) { cellsPerStage = v; return this; }
        /** @param v Geometry. @return this */
        public Builder geometry(ArchitectureGeometry v) { geometry = v; return this; }
        /** @param v Architecture learning rate; unset means the geometry's reference value. @return this */
        public Builder archLearningRate(float v) { archLearningRate = v; return this; }
        /** @param v Softmax-Adam weight decay. @return this */
        public Builder archWeightDecay(float v) { archWeightDecay = v; return this; }
        /** @param v Scheme. @return this */
        public Builder scheme(SearchScheme v) { scheme = v; return this; }
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
        public SearchConfig build() {
            float archLr = Float.isNaN(archLearningRate) ? defaultArchLearningRate(geometry) : archLearningRate;
            int period = lrPeriodEpochs == 0 ? 2 * epochs : lrPeriodEpochs;
            return new SearchConfig(space, channels, cellsPerStage, geometry, archLr, archWeightDecay, scheme,
                    epochs, batchSize, weightLearningRate, weightLearningRateMin, period, momentum, weightDecay,
                    gradClip, seed, device);
        }
    }
}
