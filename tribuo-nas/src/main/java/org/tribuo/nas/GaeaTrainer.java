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
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import org.tribuo.Dataset;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunFingerprint;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageTensorizer;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchListener;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.search.SearchScheme;
import org.tribuo.nas.space.Nb201Space;
import org.tribuo.nas.train.Devices;
import org.tribuo.nas.train.DjlRuntime;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import ai.djl.engine.Engine;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * A Tribuo {@link Trainer} that searches a cell architecture with GAEA on the NAS-Bench-201
 * space and trains the found network from scratch: one {@code train} call gives a
 * {@link GaeaModel}.
 * <p>
 * Every hyperparameter is an OLCUT {@code @Config} field, so the trainer can be built from an
 * XML or JSON configuration and rebuilt from a model's provenance. The input is images: pixel
 * positions come from the feature names (as Tribuo's {@code IDXDataSource} writes them, {@code 000}
 * to {@code 783} for 28x28), in the configured channels × height × width.
 * <p>
 * Training holds PyTorch's single gradient recorder, so {@code train} is synchronized.
 */
public final class GaeaTrainer implements Trainer<Label> {

    private static final Logger logger = Logger.getLogger(GaeaTrainer.class.getName());

    /** The only search space so far. */
    public static final String NAS_BENCH_201 = "nas-bench-201";

    @Config(description = "Channels of the input images.")
    private int imageChannels = 1;
    @Config(description = "Height of the input images in pixels.")
    private int imageHeight = 28;
    @Config(description = "Width of the input images in pixels.")
    private int imageWidth = 28;
    @Config(description = "The search space; only nas-bench-201 so far.")
    private String searchSpace = NAS_BENCH_201;
    @Config(description = "Candidate ops of every edge, comma separated (none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3).")
    private String ops = Nb201Space.withoutNone().opsString();
    @Config(description = "Architecture geometry: EXPONENTIATED_GRADIENT (GAEA) or SOFTMAX_ADAM (the DARTS baseline).")
    private ArchitectureGeometry geometry = ArchitectureGeometry.EXPONENTIATED_GRADIENT;
    @Config(description = "Architecture learning rate; 0 means the geometry's reference rate (0.1 for EG, 3e-4 for softmax-Adam).")
    private float archLearningRate = 0f;
    @Config(description = "L2 weight decay of the softmax-Adam architecture logits.")
    private float archWeightDecay = 1e-3f;
    @Config(description = "SINGLE_LEVEL (ERM, GAEA's best) or BILEVEL (architecture trained on a held-out half).")
    private SearchScheme scheme = SearchScheme.SINGLE_LEVEL;
    @Config(description = "Channels C of the supernet's first stage.")
    private int searchChannels = 16;
    @Config(description = "Cells per stage N of the supernet.")
    private int searchCellsPerStage = 5;
    @Config(description = "Search epochs.")
    private int searchEpochs = 25;
    @Config(description = "Minibatch size of the search (both steps).")
    private int searchBatchSize = 64;
    @Config(description = "Examples the search uses, a seeded random subset; 0 uses all.")
    private int searchExamples = 0;
    @Config(description = "Initial weight learning rate of the search.")
    private float searchLearningRate = 0.025f;
    @Config(description = "Weight learning rate the search's cosine schedule reaches after its period (above searchLearningRate it rises instead).")
    private float searchLearningRateMin = 0.001f;
    @Config(description = "Cosine period of the search in epochs; 0 means twice the search epochs, as the reference (50 for 25).")
    private int searchLrPeriodEpochs = 0;
    @Config(description = "Channels C of the final network's first stage.")
    private int finalChannels = 16;
    @Config(description = "Cells per stage N of the final network.")
    private int finalCellsPerStage = 5;
    @Config(description = "Epochs of training the found network from scratch.")
    private int finalEpochs = 10;
    @Config(description = "Minibatch size of the final training.")
    private int finalBatchSize = 96;
    @Config(description = "Initial learning rate of the final training.")
    private float finalLearningRate = 0.025f;
    @Config(description = "Learning rate the final training's cosine schedule reaches at its end (above finalLearningRate it rises instead).")
    private float finalLearningRateMin = 0f;
    @Config(description = "SGD momentum (search and final training).")
    private float momentum = 0.9f;
    @Config(description = "SGD weight decay (search and final training).")
    private float weightDecay = 3e-4f;
    @Config(description = "Bound on the global gradient L2 norm (search and final training); 0 disables clipping.")
    private float gradClip = 5f;
    @Config(description = "Batch size of prediction.")
    private int predictBatchSize = 256;
    @Config(description = "Seed of every random choice: weight initialization, shuffling, splits, subsets.")
    private long seed = Trainer.DEFAULT_SEED;
    @Config(description = "Device: auto (a GPU when DJL sees one), cpu, gpu or gpu:N.")
    private String device = "auto";

    private SplittableRandom rng;
    private int trainInvocationCounter;
    private transient TrainingProgress progress = new TrainingProgress() {};
    private transient Path checkpointDirectory;

    /** For OLCUT. */
    private GaeaTrainer() {}

    /**
     * A trainer with the reference defaults for images of the given shape and the given budget.
     * @param shape Input image shape.
     * @param searchEpochs Search epochs.
     * @param finalEpochs Final-training epochs.
     * @param seed The seed.
     */
    public GaeaTrainer(ImageShape shape, int searchEpochs, int finalEpochs, long seed) {
        this(builder().imageShape(shape).searchEpochs(searchEpochs).finalEpochs(finalEpochs).seed(seed));
    }

    private GaeaTrainer(Builder b) {
        GaeaTrainer t = b.trainer;
        copySettings(t, this);
        List<String[]> problems = validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0)[0] + ": " + problems.get(0)[1]);
        }
        postValidate();
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
        List<String[]> problems = validate();
        if (!problems.isEmpty()) {
            throw new PropertyException("", problems.get(0)[0], problems.get(0)[1]);
        }
        postValidate();
    }

    private void postValidate() {
        rng = new SplittableRandom(seed);
    }

    /** Checks every field; each problem is {field, message}. */
    private List<String[]> validate() {
        List<String[]> problems = new ArrayList<>();
        positive(problems, "imageChannels", imageChannels);
        positive(problems, "imageHeight", imageHeight);
        positive(problems, "imageWidth", imageWidth);
        if (!NAS_BENCH_201.equals(searchSpace)) {
            problems.add(new String[]{"searchSpace", "unknown search space '" + searchSpace + "', expected " + NAS_BENCH_201});
        }
        try {
            Nb201Space.parseOps(ops == null ? "" : ops);
        } catch (IllegalArgumentException e) {
            problems.add(new String[]{"ops", e.getMessage()});
        }
        if (geometry == null) {
            problems.add(new String[]{"geometry", "must be EXPONENTIATED_GRADIENT or SOFTMAX_ADAM"});
        }
        if (scheme == null) {
            problems.add(new String[]{"scheme", "must be SINGLE_LEVEL or BILEVEL"});
        }
        nonNegative(problems, "archLearningRate", archLearningRate);
        nonNegative(problems, "archWeightDecay", archWeightDecay);
        positive(problems, "searchChannels", searchChannels);
        positive(problems, "searchCellsPerStage", searchCellsPerStage);
        positive(problems, "searchEpochs", searchEpochs);
        positive(problems, "searchBatchSize", searchBatchSize);
        nonNegative(problems, "searchExamples", searchExamples);
        int perStep = scheme == SearchScheme.BILEVEL ? searchExamples / 2 : searchExamples;
        if (searchExamples > 0 && searchBatchSize > perStep) {
            problems.add(new String[]{"searchBatchSize", searchBatchSize + " exceeds searchExamples (" + searchExamples
                    + (scheme == SearchScheme.BILEVEL ? ", halved by the bilevel split" : "") + "): no search step would have a full batch"});
        }
        positive(problems, "searchLearningRate", searchLearningRate);
        nonNegative(problems, "searchLearningRateMin", searchLearningRateMin);
        nonNegative(problems, "searchLrPeriodEpochs", searchLrPeriodEpochs);
        positive(problems, "finalChannels", finalChannels);
        positive(problems, "finalCellsPerStage", finalCellsPerStage);
        positive(problems, "finalEpochs", finalEpochs);
        positive(problems, "finalBatchSize", finalBatchSize);
        positive(problems, "finalLearningRate", finalLearningRate);
        nonNegative(problems, "finalLearningRateMin", finalLearningRateMin);
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add(new String[]{"momentum", "must be in [0, 1), got " + momentum});
        }
        nonNegative(problems, "weightDecay", weightDecay);
        nonNegative(problems, "gradClip", gradClip);
        positive(problems, "predictBatchSize", predictBatchSize);
        if (device == null || !device.trim().toLowerCase(Locale.ROOT).matches("auto|cpu|gpu|gpu:\\d+")) {
            problems.add(new String[]{"device", "expected auto, cpu, gpu or gpu:N, got '" + device + "'"});
        }
        return problems;
    }

    private static void positive(List<String[]> problems, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(new String[]{field, "must be positive and finite, got " + value});
        }
    }

    private static void nonNegative(List<String[]> problems, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add(new String[]{field, "must be non-negative and finite, got " + value});
        }
    }

    /**
     * Sets the receiver of progress events (the command line's progress bars).
     * @param progress The receiver; null restores the default (log lines only).
     */
    public void setProgress(TrainingProgress progress) {
        this.progress = progress == null ? new TrainingProgress() {} : progress;
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

    /**
     * The checkpoint folder.
     * @return The folder, or null if checkpoints are off.
     */
    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    /**
     * The input image shape.
     * @return channels × height × width.
     */
    public ImageShape imageShape() {
        return new ImageShape(imageChannels, imageHeight, imageWidth);
    }

    /**
     * The search settings for one run.
     * @param runSeed The run's seed.
     * @return The configuration.
     */
    SearchConfig searchConfig(long runSeed) {
        return SearchConfig.builder()
                .space(Nb201Space.parseOps(ops))
                .channels(searchChannels)
                .cellsPerStage(searchCellsPerStage)
                .geometry(geometry)
                .archLearningRate(effectiveArchLearningRate())
                .archWeightDecay(archWeightDecay)
                .scheme(scheme)
                .epochs(searchEpochs)
                .batchSize(searchBatchSize)
                .weightLearningRate(searchLearningRate)
                .weightLearningRateMin(searchLearningRateMin)
                .lrPeriodEpochs(searchLrPeriodEpochs)
                .momentum(momentum)
                .weightDecay(weightDecay)
                .gradClip(gradClip)
                .seed(runSeed)
                .device(device)
                .build();
    }

    /**
     * The architecture learning rate in force.
     * @return The configured rate, or the geometry's reference rate when it is 0.
     */
    public float effectiveArchLearningRate() {
        return archLearningRate > 0 ? archLearningRate : SearchConfig.defaultArchLearningRate(geometry);
    }

    @Override
    public GaeaModel train(Dataset<Label> examples) {
        return train(examples, java.util.Collections.emptyMap());
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

        ImmutableOutputInfo<Label> labels = examples.getOutputIDInfo();
        ImageData data = tensorize(examples, labels);
        Normalization norm = Normalization.fit(data);
        SplittableRandom seeds = new SplittableRandom(runSeed);
        long searchSeed = seeds.nextLong();
        long subsetSeed = seeds.nextLong();
        long finalSeed = seeds.nextLong();

        ImageData searchData = searchExamples > 0 && searchExamples < data.size()
                ? data.subset(subset(data.size(), searchExamples, subsetSeed)) : data;
        checkSizesFit(searchData.size(), data.size());
        RunCheckpoints checkpoints = checkpointDirectory == null ? RunCheckpoints.disabled()
                : RunCheckpoints.open(checkpointDirectory, RunFingerprint.of(trainerProvenance, data, labelNames(labels)));
        SearchConfig searchConfig = searchConfig(searchSeed);
        logger.info(() -> String.format(Locale.ROOT, "GAEA search: %s, %s %s, C=%d N=%d, %d epochs on %d of %d examples",
                searchConfig.space(), geometry, scheme, searchChannels, searchCellsPerStage, searchEpochs,
                searchData.size(), data.size()));
        int searchSteps = scheme == SearchScheme.BILEVEL ? searchData.size() / 2 / searchBatchSize : searchData.size() / searchBatchSize;
        progress.onPhaseStart(TrainingProgress.Phase.SEARCH, searchEpochs, searchSteps);
        SearchResult search = new GaeaSearch(searchConfig).run(searchData, labels.size(), norm, new SearchListener() {
            @Override
            public void onStep(int epoch, int step, int stepsPerEpoch) {
                progress.onStep(TrainingProgress.Phase.SEARCH, epoch, step);
            }

            @Override
            public void onEpoch(EpochRecord r) {
                logger.info(() -> String.format(Locale.ROOT, "search epoch %d/%d: loss %.4f, accuracy %.4f, entropy %.4f, %s (%.1f s)",
                        r.epoch(), searchEpochs, r.trainLoss(), r.trainAccuracy(), r.meanEntropy(), r.genotype(), r.seconds()));
                progress.onSearchEpoch(r);
            }
        }, checkpoints);
        progress.onPhaseEnd(TrainingProgress.Phase.SEARCH);

        FinalTrainingConfig finalConfig = new FinalTrainingConfig(finalChannels, finalCellsPerStage, finalEpochs,
                finalBatchSize, finalLearningRate, finalLearningRateMin, momentum, weightDecay, gradClip, finalSeed, device);
        logger.info(() -> "training " + search.genotype() + " from scratch: C=" + finalChannels + " N=" + finalCellsPerStage
                + ", " + finalEpochs + " epochs on " + data.size() + " examples");
        progress.onPhaseStart(TrainingProgress.Phase.FINAL_TRAINING, finalEpochs, data.size() / finalBatchSize);
        TrainedNetwork network = new NetworkTrainer(finalConfig).train(search.genotype(), data, labels.size(), norm,
                e -> {
                    logger.info(() -> String.format(Locale.ROOT, "final training epoch %d/%d: loss %.4f, accuracy %.4f (%.1f s)",
                            e.epoch(), finalEpochs, e.trainLoss(), e.trainAccuracy(), e.seconds()));
                    progress.onTrainingEpoch(e);
                },
                (epoch, step, steps) -> progress.onStep(TrainingProgress.Phase.FINAL_TRAINING, epoch, step), checkpoints);
        progress.onPhaseEnd(TrainingProgress.Phase.FINAL_TRAINING);

        Map<String, Provenance> instance = new HashMap<>(runProvenance);
        instance.put(GaeaModel.GENOTYPE, new StringProvenance(GaeaModel.GENOTYPE, search.genotype().toString()));
        instance.put(GaeaModel.ALPHA, new StringProvenance(GaeaModel.ALPHA, Arrays.deepToString(search.alpha())));
        instance.put(GaeaModel.MEAN_ENTROPY, new DoubleProvenance(GaeaModel.MEAN_ENTROPY, search.meanEntropy()));
        instance.put(GaeaModel.DEVICE, new StringProvenance(GaeaModel.DEVICE, Devices.name(network.device())));
        ModelProvenance provenance = new ModelProvenance(GaeaModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, instance);
        return new GaeaModel("gaea-" + searchSpace, provenance, examples.getFeatureIDMap(), labels, network,
                search.alpha(), ops, search.history().toJson(), predictBatchSize);
    }

    private ImageData tensorize(Dataset<Label> examples, ImmutableOutputInfo<Label> labels) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("GaeaTrainer cannot train on an empty dataset");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("GaeaTrainer needs at least two classes, the dataset has "
                    + labels.size() + " " + labels.getDomain());
        }
        try {
            return new ImageTensorizer(imageShape()).tensorize(examples, labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ". GaeaTrainer searches image networks (NAS-Bench-201 "
                    + "space): features must be pixels named by their flat index, as IDXDataSource writes them, "
                    + "in the configured shape " + imageShape() + "; tabular data is not supported yet", e);
        }
    }

    /** Sizes that depend on the data, checked before anything is written. */
    private void checkSizesFit(int searchImages, int trainImages) {
        int perStep = scheme == SearchScheme.BILEVEL ? searchImages / 2 : searchImages;
        if (searchBatchSize > perStep) {
            throw new IllegalArgumentException("searchBatchSize " + searchBatchSize + " exceeds the " + perStep
                    + " images available to a search step (" + searchImages + " search examples"
                    + (scheme == SearchScheme.BILEVEL ? ", halved by the bilevel split)" : ")"));
        }
        if (finalBatchSize > trainImages) {
            throw new IllegalArgumentException("finalBatchSize " + finalBatchSize + " exceeds the " + trainImages
                    + " training examples");
        }
    }

    private static List<String> labelNames(ImmutableOutputInfo<Label> labels) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            names.add(labels.getOutput(i).getLabel());
        }
        return names;
    }

    private static int[] subset(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        return chosen;
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
        Engine engine = DjlRuntime.engine();
        return new GaeaTrainerProvenance(this, Devices.name(Devices.resolve(device)), Engine.getDjlVersion(), engine.getVersion());
    }

    @Override
    public String toString() {
        return "GaeaTrainer(space=" + searchSpace + ",ops=" + ops + ",geometry=" + geometry + ",archLearningRate="
                + effectiveArchLearningRate() + ",scheme=" + scheme + ",search=C" + searchChannels + "N" + searchCellsPerStage
                + "x" + searchEpochs + "ep,final=C" + finalChannels + "N" + finalCellsPerStage + "x" + finalEpochs
                + "ep,image=" + imageShape() + ",seed=" + seed + ",device=" + device + ")";
    }

    private static void copySettings(GaeaTrainer from, GaeaTrainer to) {
        to.imageChannels = from.imageChannels;
        to.imageHeight = from.imageHeight;
        to.imageWidth = from.imageWidth;
        to.searchSpace = from.searchSpace;
        to.ops = from.ops;
        to.geometry = from.geometry;
        to.archLearningRate = from.archLearningRate;
        to.archWeightDecay = from.archWeightDecay;
        to.scheme = from.scheme;
        to.searchChannels = from.searchChannels;
        to.searchCellsPerStage = from.searchCellsPerStage;
        to.searchEpochs = from.searchEpochs;
        to.searchBatchSize = from.searchBatchSize;
        to.searchExamples = from.searchExamples;
        to.searchLearningRate = from.searchLearningRate;
        to.searchLearningRateMin = from.searchLearningRateMin;
        to.searchLrPeriodEpochs = from.searchLrPeriodEpochs;
        to.finalChannels = from.finalChannels;
        to.finalCellsPerStage = from.finalCellsPerStage;
        to.finalEpochs = from.finalEpochs;
        to.finalBatchSize = from.finalBatchSize;
        to.finalLearningRate = from.finalLearningRate;
        to.finalLearningRateMin = from.finalLearningRateMin;
        to.momentum = from.momentum;
        to.weightDecay = from.weightDecay;
        to.gradClip = from.gradClip;
        to.predictBatchSize = from.predictBatchSize;
        to.seed = from.seed;
        to.device = from.device;
    }

    /**
     * Builds a {@link GaeaTrainer}; unset fields keep the reference defaults. Field meanings are
     * those of the trainer's configuration fields of the same name.
     */
    public static final class Builder {
        private final GaeaTrainer trainer = new GaeaTrainer();

        private Builder() {}

        /** @param v Input shape. @return this */
        public Builder imageShape(ImageShape v) {
            trainer.imageChannels = v.channels();
            trainer.imageHeight = v.height();
            trainer.imageWidth = v.width();
            return this;
        }
        /** @param v Candidate ops, comma separated. @return this */
        public Builder ops(String v) { trainer.ops = v; return this; }
        /** @param v Geometry. @return this */
        public Builder geometry(ArchitectureGeometry v) { trainer.geometry = v; return this; }
        /** @param v Architecture learning rate (0 = reference). @return this */
        public Builder archLearningRate(float v) { trainer.archLearningRate = v; return this; }
        /** @param v Softmax-Adam weight decay. @return this */
        public Builder archWeightDecay(float v) { trainer.archWeightDecay = v; return this; }
        /** @param v Scheme. @return this */
        public Builder scheme(SearchScheme v) { trainer.scheme = v; return this; }
        /** @param c C. @param n N. @return this */
        public Builder searchNetwork(int c, int n) { trainer.searchChannels = c; trainer.searchCellsPerStage = n; return this; }
        /** @param v Search epochs. @return this */
        public Builder searchEpochs(int v) { trainer.searchEpochs = v; return this; }
        /** @param v Search batch size. @return this */
        public Builder searchBatchSize(int v) { trainer.searchBatchSize = v; return this; }
        /** @param v Search subset size (0 = all). @return this */
        public Builder searchExamples(int v) { trainer.searchExamples = v; return this; }
        /** @param lr Initial rate. @param min Final rate. @return this */
        public Builder searchLearningRate(float lr, float min) { trainer.searchLearningRate = lr; trainer.searchLearningRateMin = min; return this; }
        /** @param c C. @param n N. @return this */
        public Builder finalNetwork(int c, int n) { trainer.finalChannels = c; trainer.finalCellsPerStage = n; return this; }
        /** @param v Final epochs. @return this */
        public Builder finalEpochs(int v) { trainer.finalEpochs = v; return this; }
        /** @param v Final batch size. @return this */
        public Builder finalBatchSize(int v) { trainer.finalBatchSize = v; return this; }
        /** @param lr Initial rate. @param min Final rate. @return this */
        public Builder finalLearningRate(float lr, float min) { trainer.finalLearningRate = lr; trainer.finalLearningRateMin = min; return this; }
        /** @param v Prediction batch size. @return this */
        public Builder predictBatchSize(int v) { trainer.predictBatchSize = v; return this; }
        /** @param v Seed. @return this */
        public Builder seed(long v) { trainer.seed = v; return this; }
        /** @param v Device setting. @return this */
        public Builder device(String v) { trainer.device = v; return this; }

        /**
         * Validates and builds.
         * @return The trainer.
         * @throws IllegalArgumentException naming the first invalid field.
         */
        public GaeaTrainer build() {
            return new GaeaTrainer(this);
        }
    }
}
