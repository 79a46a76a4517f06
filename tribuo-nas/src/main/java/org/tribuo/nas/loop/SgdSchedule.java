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

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;

import org.tribuo.nas.util.SettingChecks;

/**
 * What every SGD training phase is configured with, the search's and the final training's alike:
 * epochs, minibatch size, the examples it uses, and the {@link SgdSettings} of its weights. The
 * two schedules extend it with their own settings; their builders extend {@link Builder}.
 */
public abstract class SgdSchedule implements Configurable, Provenancable<ConfiguredObjectProvenance> {

    @Config(description = "Epochs.")
    private int epochs;
    @Config(description = "Minibatch size (of both steps in a search).")
    private int batchSize;
    @Config(description = "Examples used, a seeded random subset; 0 uses all.")
    private int examples = 0;
    @Config(description = "Initial learning rate of the weights.")
    private float learningRate = 0.025f;
    @Config(description = "Learning rate the cosine schedule reaches after its period (above learningRate it rises instead).")
    private float learningRateMin;
    @Config(description = "SGD momentum of the weights.")
    private float momentum = 0.9f;
    @Config(description = "SGD weight decay of the weights.")
    private float weightDecay = 3e-4f;
    @Config(description = "Bound on the global gradient L2 norm of a weight step; 0 disables clipping.")
    private float gradClip = 5f;

    /**
     * A schedule with the given reference values; the others are shared by both phases.
     * @param epochs Epochs.
     * @param batchSize Minibatch size.
     * @param learningRateMin The cosine schedule's final learning rate.
     */
    protected SgdSchedule(int epochs, int batchSize, float learningRateMin) {
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRateMin = learningRateMin;
    }

    /**
     * Used by the OLCUT configuration system, and should not be called by external code.
     */
    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
    }

    /**
     * Checks every setting, the shared ones with {@link #checkSgdSchedule()}.
     * @throws org.tribuo.nas.util.InvalidSettingException naming the first invalid setting.
     */
    protected abstract void validate();

    /**
     * Checks the shared settings.
     * @throws org.tribuo.nas.util.InvalidSettingException naming the first invalid setting.
     */
    protected void checkSgdSchedule() {
        SettingChecks.positive("epochs", epochs);
        SettingChecks.positive("batchSize", batchSize);
        SettingChecks.nonNegative("examples", examples);
        sgd();
    }

    /**
     * The SGD of the weights.
     * @return Learning rates, momentum, weight decay and gradient bound.
     */
    public SgdSettings sgd() {
        return new SgdSettings(learningRate, learningRateMin, momentum, weightDecay, gradClip);
    }

    /** @return The epochs. */
    public int epochs() {
        return epochs;
    }

    /** @return The minibatch size. */
    public int batchSize() {
        return batchSize;
    }

    /** @return The examples used, 0 for all. */
    public int examples() {
        return examples;
    }

    /**
     * The shared setters of the two schedules' builders.
     * @param <B> The concrete builder.
     */
    public abstract static class Builder<B extends Builder<B>> {
        private int epochs;
        private int batchSize;
        private int examples;
        private float learningRate;
        private float learningRateMin;
        private float momentum;
        private float weightDecay;
        private float gradClip;

        /**
         * A builder starting from a reference schedule.
         * @param reference The reference.
         */
        protected Builder(SgdSchedule reference) {
            epochs = reference.epochs;
            batchSize = reference.batchSize;
            examples = reference.examples;
            learningRate = reference.learningRate;
            learningRateMin = reference.learningRateMin;
            momentum = reference.momentum;
            weightDecay = reference.weightDecay;
            gradClip = reference.gradClip;
        }

        /** @return this, as the concrete builder. */
        protected abstract B self();

        /** @param v Epochs. @return this */
        public B epochs(int v) { epochs = v; return self(); }
        /** @param v Minibatch size. @return this */
        public B batchSize(int v) { batchSize = v; return self(); }
        /** @param v Examples used (0 = all). @return this */
        public B examples(int v) { examples = v; return self(); }
        /** @param lr Initial rate. @param min Rate at the end of the cosine period. @return this */
        public B learningRate(float lr, float min) { learningRate = lr; learningRateMin = min; return self(); }
        /** @param v SGD momentum. @return this */
        public B momentum(float v) { momentum = v; return self(); }
        /** @param v SGD weight decay. @return this */
        public B weightDecay(float v) { weightDecay = v; return self(); }
        /** @param v Gradient-norm bound (0 = off). @return this */
        public B gradClip(float v) { gradClip = v; return self(); }

        /**
         * Sets the shared settings of a schedule being built.
         * @param out The schedule.
         */
        protected void applyTo(SgdSchedule out) {
            out.epochs = epochs;
            out.batchSize = batchSize;
            out.examples = examples;
            out.learningRate = learningRate;
            out.learningRateMin = learningRateMin;
            out.momentum = momentum;
            out.weightDecay = weightDecay;
            out.gradClip = gradClip;
        }
    }
}
