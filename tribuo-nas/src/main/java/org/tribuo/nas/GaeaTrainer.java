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
package org.tribuo.nas;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.data.InputFormat;
import org.tribuo.nas.search.ArchitectureUpdate;
import org.tribuo.nas.search.ContinuousRelaxation;
import org.tribuo.nas.search.ExponentiatedGradientUpdate;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchMethod;
import org.tribuo.nas.search.SearchRelaxation;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.util.SettingChecks;
import org.tribuo.provenance.TrainerProvenance;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Tribuo {@link Trainer} that searches a cell architecture with GAEA (or a baseline) and
 * trains the found network from scratch: one {@code train} call gives a {@link GaeaModel}.
 * <p>
 * The trainer is composed of configurable parts, each an OLCUT component with its own settings,
 * validation and provenance (as Tribuo's SGD trainers take a {@code StochasticGradientOptimiser}):
 * <ul>
 *     <li>{@code space}: the {@link SearchSpace} with its candidate ops, supernet and final
 *     network sizes (NAS-Bench-201, DARTS, tabular, or a user's own class);</li>
 *     <li>{@code architectureUpdate}: GAEA's {@link ExponentiatedGradientUpdate} or the
 *     baselines' softmax-Adam;</li>
 *     <li>{@code relaxation}: continuous mixing or Gumbel sampling;</li>
 *     <li>{@code search}: the {@link SearchSchedule}; {@code finalTraining}: the
 *     {@link FinalTraining} of the found network;</li>
 *     <li>{@code input}: the {@link InputFormat}, by default the one the space reads.</li>
 * </ul>
 * The space must be given; every other part has the reference defaults, so {@code
 * GaeaTrainer.builder().space(new Nb201SearchSpace(Nb201Space.withoutNone())).build()} is GAEA
 * DARTS on NAS-Bench-201. Settings whose reference depends on the method (0 or -1) are resolved when
 * training starts and recorded in the model's provenance ({@value #RESOLVED_SETTINGS}).
 * <p>
 * Training holds PyTorch's single gradient recorder, so {@code train} is synchronized.
 */
public final class GaeaTrainer implements Trainer<Label> {

    /** Model provenance key: the settings in force after resolving the method's references. */
    public static final String RESOLVED_SETTINGS = "resolved-settings";

    @Config(mandatory = true, description = "The search space with its candidate ops and network sizes.")
    private SearchSpace space;
    @Config(description = "The architecture update: ExponentiatedGradientUpdate (GAEA) or SoftmaxAdamUpdate (the baselines).")
    private ArchitectureUpdate architectureUpdate = new ExponentiatedGradientUpdate();
    @Config(description = "ContinuousRelaxation (every op mixed) or GumbelRelaxation (one sampled op per edge and step).")
    private SearchRelaxation relaxation = new ContinuousRelaxation();
    @Config(description = "The search schedule.")
    private SearchSchedule search = new SearchSchedule();
    @Config(description = "The final training of the found network.")
    private FinalTraining finalTraining = new FinalTraining();
    @Config(description = "How examples become network inputs; unset means what the space reads (ImageInput with the shape inferred, or TabularInput).")
    private InputFormat input;
    @Config(description = "Batch size of prediction.")
    private int predictBatchSize = 256;
    @Config(description = "Seed of every random choice: weight initialization, shuffling, splits, subsets.")
    private long seed = Trainer.DEFAULT_SEED;
    @Config(description = "Device: auto (a GPU when DJL sees one), cpu, gpu or gpu:N.")
    private String device = "auto";
    @Config(description = "The cost-aware search's cost model and budget (latency on a runtime, or parameters); unset "
            + "means a search without cost.")
    private CostModel costModel;
    @Config(description = "Check every convolution signature against float64 once and route the ones the engine gets wrong "
            + "(default true); false trains on the engine's kernels as they are, and the provenance says so.")
    private boolean checkConvolutions = true;
    @Config(description = "Train a random cell instead of searching (drawn with the run's seed; with a cost model, among the "
            + "cells whose predicted cost is in the budget's band): the random baseline of a sweep (default false).")
    private boolean randomCell = false;

    private SplittableRandom rng;
    private int trainInvocationCounter;
    private transient TrainingProgress progress = TrainingProgress.NONE;
    private transient Path checkpointDirectory;

    /** For OLCUT. */
    private GaeaTrainer() {}

    /**
     * GAEA with the reference defaults on the given space, with the given budget; the input is
     * what the space reads (an image's shape is inferred from the data).
     * @param space The search space, e.g. {@code new Nb201SearchSpace(Nb201Space.withoutNone())}.
     * @param searchEpochs Search epochs.
     * @param finalEpochs Final-training epochs.
     * @param seed The seed.
     */
    public GaeaTrainer(SearchSpace space, int searchEpochs, int finalEpochs, long seed) {
        this(builder().space(space).search(SearchSchedule.builder().epochs(searchEpochs).build())
                .finalTraining(FinalTraining.builder().epochs(finalEpochs).build()).seed(seed));
    }

    private GaeaTrainer(Builder b) {
        space = b.space;
        architectureUpdate = b.architectureUpdate;
        relaxation = b.relaxation;
        search = b.search;
        finalTraining = b.finalTraining;
        input = b.input;
        predictBatchSize = b.predictBatchSize;
        seed = b.seed;
        device = b.device;
        checkConvolutions = b.checkConvolutions;
        costModel = b.costModel;
        randomCell = b.randomCell;
        validate();
        rng = new SplittableRandom(seed);
    }

    /**
     * A builder with the reference defaults.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Used by the OLCUT configuration system, and should not be called by external code.
     */
    @Override
    public synchronized void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
        rng = new SplittableRandom(seed);
    }

    /** Checks the parts fit each other; fills in the input format the space reads. */
    private void validate() {
        input = parts().checkedInput();
        TrainerSettingChecks.check(space, costModel, predictBatchSize, device);
    }

    private TrainerParts parts() {
        return new TrainerParts(space, architectureUpdate, relaxation, search, finalTraining, input);
    }

    /**
     * The method in the paper's terms.
     * @return e.g. GAEA PC-DARTS or GDAS.
     */
    public SearchMethod method() {
        return parts().method();
    }

    /**
     * The search this trainer runs, for running the search alone with {@link
     * org.tribuo.nas.search.GaeaSearch}: the same configuration a {@code search} API user gets from
     * these parts, every reference setting resolved.
     * @param searchSeed The search's seed ({@link #train} derives its own from the trainer's seed).
     * @return The search configuration on this trainer's device.
     */
    public SearchConfig searchConfig(long searchSeed) {
        return parts().searchConfig(searchSeed, device);
    }

    /**
     * The search space.
     * @return The space component.
     */
    public SearchSpace space() {
        return space;
    }

    /**
     * Every setting whose value was resolved from the method, as recorded in the model's
     * provenance.
     * @return {@code name=value} pairs, comma separated.
     */
    public String resolvedSettings() {
        return parts().resolvedSettings();
    }

    /**
     * The cost model of a cost-aware search.
     * @return The cost model, or null without one.
     */
    public CostModel costModel() {
        return costModel;
    }

    /**
     * Sets the receiver of progress events (the command line's progress bars).
     * @param progress The receiver; null restores the default (log lines only).
     */
    public void setProgress(TrainingProgress progress) {
        this.progress = progress == null ? TrainingProgress.NONE : progress;
    }

    /**
     * Sets the folder where {@link #train} checkpoints the search and the final training at the
     * end of every epoch, and from which it resumes: training again with the same configuration,
     * invocation count and data continues after the last complete epoch and gives exactly the
     * model an uninterrupted run gives (on CPU). Checkpoints of a different configuration or data
     * are refused with the differing fields named. Not a configuration field, as where a run
     * keeps its checkpoints does not change its result.
     * @param dir The folder (created if needed); null turns checkpoints off (the default).
     */
    public void setCheckpointDirectory(Path dir) {
        this.checkpointDirectory = dir;
    }

    @Override
    public GaeaModel train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public GaeaModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized GaeaModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        long runSeed = rng.nextLong();
        TrainerProvenance trainerProvenance = getProvenance();
        trainInvocationCounter++;
        TrainingRun run = new TrainingRun(parts(), predictBatchSize, device, checkConvolutions, costModel, randomCell,
                progress);
        return run.train(examples, runProvenance, trainerProvenance, resolvedSettings(), runSeed, checkpointDirectory);
    }

    @Override
    public int getInvocationCount() {
        return trainInvocationCounter;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("invocation count must be non-negative, got " + invocationCount);
        }
        rng = new SplittableRandom(seed);
        for (int i = 0; i < invocationCount; i++) {
            rng.nextLong();
        }
        trainInvocationCounter = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return GaeaTrainerProvenance.of(this, device);
    }

    @Override
    public String toString() {
        return "GaeaTrainer(method=" + method() + ", space=" + space + ", " + architectureUpdate + ", " + relaxation
                + ", " + search + ", " + finalTraining + ", " + input + ", seed=" + seed + ", device=" + device
                + (checkConvolutions ? "" : ", checkConvolutions=false") + (costModel == null ? "" : ", " + costModel)
                + (randomCell ? ", randomCell" : "") + ")";
    }

    /**
     * Builds a {@link GaeaTrainer} from its parts; the space must be set, other unset parts keep
     * the reference defaults.
     */
    public static final class Builder {
        private SearchSpace space;
        private ArchitectureUpdate architectureUpdate = new ExponentiatedGradientUpdate();
        private SearchRelaxation relaxation = new ContinuousRelaxation();
        private SearchSchedule search = new SearchSchedule();
        private FinalTraining finalTraining = new FinalTraining();
        private InputFormat input;
        private int predictBatchSize = 256;
        private long seed = Trainer.DEFAULT_SEED;
        private String device = "auto";
        private boolean checkConvolutions = true;
        private CostModel costModel;
        private boolean randomCell;

        private Builder() {}

        /** @param v The search space. @return this */
        public Builder space(SearchSpace v) { space = v; return this; }
        /** @param v The architecture update. @return this */
        public Builder architectureUpdate(ArchitectureUpdate v) { architectureUpdate = v; return this; }
        /** @param v The relaxation. @return this */
        public Builder relaxation(SearchRelaxation v) { relaxation = v; return this; }
        /** @param v The search schedule. @return this */
        public Builder search(SearchSchedule v) { search = v; return this; }
        /** @param v The final training. @return this */
        public Builder finalTraining(FinalTraining v) { finalTraining = v; return this; }
        /** @param v The input format (null = what the space reads). @return this */
        public Builder input(InputFormat v) { input = v; return this; }
        /** @param v Prediction batch size. @return this */
        public Builder predictBatchSize(int v) { predictBatchSize = v; return this; }
        /** @param v Seed. @return this */
        public Builder seed(long v) { seed = v; return this; }
        /** @param v Device setting. @return this */
        public Builder device(String v) { device = v; return this; }
        /**
         * Whether convolutions are checked against float64 and routed where the engine is wrong
         * (docs/known-issues.md). Switching it off trains on whatever the engine computes.
         * @param v False to switch the check off. @return this
         */
        public Builder checkConvolutions(boolean v) { checkConvolutions = v; return this; }
        /**
         * Searches within a cost budget (docs/cost-aware.md).
         * @param v The cost model, or null for a search without cost. @return this
         */
        public Builder costModel(CostModel v) { costModel = v; return this; }
        /**
         * Trains a random cell instead of searching: the random baseline (within the cost model's
         * budget band when there is one).
         * @param v True for the baseline. @return this
         */
        public Builder randomCell(boolean v) { randomCell = v; return this; }

        /**
         * Validates and builds.
         * @return The trainer.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public GaeaTrainer build() {
            return new GaeaTrainer(this);
        }
    }
}
