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
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import org.tribuo.nas.loop.CosineSchedule;
import org.tribuo.nas.loop.SgdSchedule;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

/**
 * The schedule of a search: scheme, one or two passes per step, epochs, batches, the examples it
 * uses, the weights' SGD with its cosine learning rate, and the architecture warm-up. A
 * configurable component of the trainer; the defaults are the reference's NAS-Bench-201 search.
 */
public final class SearchSchedule extends SgdSchedule {

    @Config(description = "SINGLE_LEVEL (ERM, GAEA's best) or BILEVEL (architecture trained on a held-out half).")
    private SearchScheme scheme = SearchScheme.SINGLE_LEVEL;
    @Config(description = "One forward/backward pass on the weights' batch gives the gradients of both the architecture "
            + "and the weights, both updated from the same point (single-level only; off takes the reference's two passes).")
    private boolean singlePass = false;
    @Config(description = "Cosine period in epochs; 0 means twice the epochs, as the reference (50 for 25).")
    private int lrPeriodEpochs = 0;
    @Config(description = "Epochs before the first architecture step; -1 means the method's reference (15 for PC-DARTS, 50 for GAEA GDAS, else 0).")
    private int archWarmupEpochs = -1;

    /** The reference schedule: 25 epochs of batch 64, learning rate 0.025 → 0.001. */
    public SearchSchedule() {
        super(25, 64, 0.001f);
    }

    /**
     * A builder starting from the reference schedule.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void validate() {
        if (scheme == null) {
            throw new InvalidSettingException("scheme", "must be SINGLE_LEVEL or BILEVEL");
        }
        if (singlePass && scheme == SearchScheme.BILEVEL) {
            throw SearchConfig.singlePassWithBilevel();
        }
        checkSgdSchedule();
        int examples = examples();
        int batchSize = batchSize();
        int perStep = scheme == SearchScheme.BILEVEL ? examples / 2 : examples;
        if (examples > 0 && batchSize > perStep) {
            throw new InvalidSettingException("batchSize", batchSize + " exceeds examples (" + examples
                    + (scheme == SearchScheme.BILEVEL ? ", halved by the bilevel split" : "")
                    + "): no search step would have a full batch");
        }
        SettingChecks.nonNegative("lrPeriodEpochs", lrPeriodEpochs);
        SettingChecks.referenceOrNonNegative("archWarmupEpochs", archWarmupEpochs);
    }

    /**
     * The warm-up in force for a method.
     * @param method The search method.
     * @return The configured epochs, or the method's reference when -1.
     */
    public int archWarmupEpochs(SearchMethod method) {
        return archWarmupEpochs >= 0 ? archWarmupEpochs : method.reference().warmupEpochs();
    }

    /**
     * Checks the schedule leaves the method an architecture step.
     * @param method The search method.
     * @throws InvalidSettingException naming archWarmupEpochs if the warm-up takes every epoch.
     */
    public void checkFits(SearchMethod method) {
        int warmup = archWarmupEpochs(method);
        if (warmup >= epochs()) {
            throw new InvalidSettingException("archWarmupEpochs", warmup + (archWarmupEpochs < 0 ? " (the " + method
                    + " reference)" : "") + " leaves no architecture update in " + epochs()
                    + " search epochs; set archWarmupEpochs below epochs");
        }
    }

    /**
     * The steps of one epoch on a number of examples.
     * @param examplesAvailable The examples the search uses.
     * @return The full batches per epoch (of the half that trains the weights when bilevel).
     */
    public int stepsPerEpoch(int examplesAvailable) {
        return (scheme == SearchScheme.BILEVEL ? examplesAvailable / 2 : examplesAvailable) / batchSize();
    }

    /**
     * Checks a step has a full batch of the examples available.
     * @param examplesAvailable The examples the search uses.
     * @throws IllegalArgumentException if there is not one full batch.
     */
    public void checkFits(int examplesAvailable) {
        if (stepsPerEpoch(examplesAvailable) == 0) {
            int perStep = scheme == SearchScheme.BILEVEL ? examplesAvailable / 2 : examplesAvailable;
            throw new IllegalArgumentException("search batchSize " + batchSize() + " exceeds the " + perStep
                    + " examples available to a search step (" + examplesAvailable + " search examples"
                    + (scheme == SearchScheme.BILEVEL ? ", halved by the bilevel split)" : ")"));
        }
    }

    /**
     * The weight learning-rate schedule.
     * @return Cosine from the initial rate to the minimum over the period (twice the epochs when unset).
     */
    public CosineSchedule learningRates() {
        return sgd().learningRates(lrPeriodEpochs());
    }

    /** @return The cosine period in epochs, resolved: twice the epochs when set to 0. */
    public int lrPeriodEpochs() {
        return lrPeriodEpochs == 0 ? 2 * epochs() : lrPeriodEpochs;
    }

    /** @return The scheme. */
    public SearchScheme scheme() {
        return scheme;
    }

    /** @return Whether one forward/backward pass gives both steps' gradients. */
    public boolean singlePass() {
        return singlePass;
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "search-schedule");
    }

    @Override
    public String toString() {
        return "SearchSchedule(" + scheme + (singlePass ? ", single pass" : "") + ", " + epochs() + " epochs, batch "
                + batchSize() + (examples() > 0 ? ", " + examples() + " examples" : "") + ")";
    }

    /**
     * Builds a {@link SearchSchedule}; unset values keep the reference.
     */
    public static final class Builder extends SgdSchedule.Builder<Builder> {
        private SearchScheme scheme = SearchScheme.SINGLE_LEVEL;
        private boolean singlePass = false;
        private int lrPeriodEpochs = 0;
        private int archWarmupEpochs = -1;

        private Builder() {
            super(new SearchSchedule());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** @param v Scheme. @return this */
        public Builder scheme(SearchScheme v) { scheme = v; return this; }
        /** @param v Whether one forward/backward pass gives both steps' gradients (single-level only). @return this */
        public Builder singlePass(boolean v) { singlePass = v; return this; }
        /** @param v Cosine period in epochs (0 = twice the epochs). @return this */
        public Builder lrPeriodEpochs(int v) { lrPeriodEpochs = v; return this; }
        /** @param v Architecture warm-up epochs (-1 = reference). @return this */
        public Builder archWarmupEpochs(int v) { archWarmupEpochs = v; return this; }

        /**
         * Validates and builds.
         * @return The schedule.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public SearchSchedule build() {
            SearchSchedule out = new SearchSchedule();
            applyTo(out);
            out.scheme = scheme;
            out.singlePass = singlePass;
            out.lrPeriodEpochs = lrPeriodEpochs;
            out.archWarmupEpochs = archWarmupEpochs;
            out.validate();
            return out;
        }
    }
}
