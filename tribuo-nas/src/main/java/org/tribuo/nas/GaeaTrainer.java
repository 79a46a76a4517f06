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
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunFingerprint;
import org.tribuo.nas.data.ExampleTensorizer;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageShapeResolver;
import org.tribuo.nas.data.ImageTensorizer;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.Relaxation;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchListener;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.search.SearchScheme;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SearchSpaces;
import org.tribuo.nas.train.Devices;
import org.tribuo.nas.train.DjlRuntime;
import org.tribuo.nas.train.RuntimeEnvironment;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * A Tribuo {@link Trainer} that searches a cell architecture with GAEA (or a baseline) and
 * trains the found network from scratch: one {@code train} call gives a {@link GaeaModel}.
 * <p>
 * Spaces: {@code nas-bench-201} and {@code darts} (images) and {@code tabular} (feature
 * vectors). Methods: the continuous relaxation (GAEA DARTS / DARTS), partial channels with edge
 * weights in the darts space (GAEA PC-DARTS / PC-DARTS), and Gumbel sampling (GAEA GDAS / GDAS),
 * each with the exponentiated-gradient geometry (GAEA) or softmax-Adam (the baselines).
 * Settings whose default depends on the space or method take 0 (or -1) for "the reference value",
 * resolved when the trainer is built; the resolved values are recorded in the model's provenance.
 * <p>
 * Every hyperparameter is an OLCUT {@code @Config} field, so the trainer can be built from an
 * XML or JSON configuration and rebuilt from a model's provenance. Image inputs: pixel positions
 * come from the feature names (as Tribuo's {@code IDXDataSource} writes them, {@code 000} to
 * {@code 783} for 28x28), in the configured channels × height × width. Tabular inputs: one value
 * per feature of the dataset's feature map, standardized with training statistics.
 * <p>
 * Training holds PyTorch's single gradient recorder, so {@code train} is synchronized.
 */
public final class GaeaTrainer implements Trainer<Label> {

    private static final Logger logger = Logger.getLogger(GaeaTrainer.class.getName());

    /** The NAS-Bench-201 space. */
    public static final String NAS_BENCH_201 = "nas-bench-201";
    /** The DARTS cell space. */
    public static final String DARTS = "darts";
    /** The tabular (feature vector) space. */
    public static final String TABULAR = "tabular";
    /** Model provenance key: the settings in force after resolving space and method defaults. */
    public static final String RESOLVED_SETTINGS = "resolved-settings";

    @Config(description = "Channels of the input images; 0 (with imageHeight and imageWidth 0) infers the shape from the data.")
    private int imageChannels = 0;
    @Config(description = "Height of the input images in pixels; 0 infers it from the data.")
    private int imageHeight = 0;
    @Config(description = "Width of the input images in pixels; 0 infers it from the data.")
    private int imageWidth = 0;
    @Config(description = "The search space: nas-bench-201, darts or tabular.")
    private String searchSpace = NAS_BENCH_201;
    @Config(description = "Candidate ops of every edge, comma separated; empty means the space's reference ops.")
    private String ops = "";
    @Config(description = "Architecture geometry: EXPONENTIATED_GRADIENT (GAEA) or SOFTMAX_ADAM (the DARTS/PC-DARTS/GDAS baselines).")
    private ArchitectureGeometry geometry = ArchitectureGeometry.EXPONENTIATED_GRADIENT;
    @Config(description = "CONTINUOUS (DARTS-style mixing of all ops) or GUMBEL (GDAS: one sampled op per edge per step).")
    private Relaxation relaxation = Relaxation.CONTINUOUS;
    @Config(description = "Partial channels K of the darts space (PC-DARTS: ops run on C/K channels, and each node weighs its incoming edges by beta); 1 turns both off; 0 means the reference (4 in darts, 1 elsewhere).")
    private int partialChannels = 0;
    @Config(description = "Architecture learning rate; 0 means the reference (EG 0.1, 0.01 with GUMBEL; softmax-Adam 3e-4, 6e-4 for PC-DARTS).")
    private float archLearningRate = 0f;
    @Config(description = "Learning rate of the edge weights beta (PC-DARTS); 0 means the architecture learning rate.")
    private float edgeLearningRate = 0f;
    @Config(description = "L2 weight decay of the softmax-Adam architecture logits.")
    private float archWeightDecay = 1e-3f;
    @Config(description = "Weight of the entropic regularizer KL(alpha‖uniform) on the architecture loss (EG only); -1 means the reference (0.01 for GAEA GDAS, else 0).")
    private float archEntropicWeight = -1f;
    @Config(description = "Search epochs before the first architecture update; -1 means the reference (15 for PC-DARTS, 50 for GAEA GDAS, else 0).")
    private int archWarmupEpochs = -1;
    @Config(description = "Initial Gumbel-softmax temperature (GUMBEL only).")
    private float tauMax = 10f;
    @Config(description = "Final Gumbel-softmax temperature (GUMBEL only).")
    private float tauMin = 0.1f;
    @Config(description = "SINGLE_LEVEL (ERM, GAEA's best) or BILEVEL (architecture trained on a held-out half).")
    private SearchScheme scheme = SearchScheme.SINGLE_LEVEL;
    @Config(description = "Channels C of the supernet's first stage (hidden width in the tabular space); 0 means the reference (16; tabular 64).")
    private int searchChannels = 0;
    @Config(description = "Cells per stage N of the nas-bench-201 supernet.")
    private int searchCellsPerStage = 5;
    @Config(description = "Cells of the darts or tabular supernet; 0 means the reference (darts 8, tabular 2).")
    private int searchLayers = 0;
    @Config(description = "Search epochs.")
    private int searchEpochs = 25;
    @Config(description = "Minibatch size of the search (both steps).")
    private int searchBatchSize = 64;
    @Config(description = "Examples the search uses, a seeded random subset; 0 uses all.")
    private int searchExamples = 0;
    @Config(description = "Examples the final training uses, a seeded random subset; 0 uses all.")
    private int finalExamples = 0;
    @Config(description = "Initial weight learning rate of the search.")
    private float searchLearningRate = 0.025f;
    @Config(description = "Weight learning rate the search's cosine schedule reaches after its period (above searchLearningRate it rises instead).")
    private float searchLearningRateMin = 0.001f;
    @Config(description = "Cosine period of the search in epochs; 0 means twice the search epochs, as the reference (50 for 25).")
    private int searchLrPeriodEpochs = 0;
    @Config(description = "Channels C of the final network's first stage (hidden width in the tabular space); 0 means the reference (nas-bench-201 16, darts 36, tabular 64).")
    private int finalChannels = 0;
    @Config(description = "Cells per stage N of the final nas-bench-201 network.")
    private int finalCellsPerStage = 5;
    @Config(description = "Cells of the final darts or tabular network; 0 means the reference (darts 20, tabular 2).")
    private int finalLayers = 0;
    @Config(description = "Weight of the auxiliary head's loss in final training (darts only); -1 means the reference (darts 0.4, else 0).")
    private float auxiliaryWeight = -1f;
    @Config(description = "Drop-path probability reached at the end of final training (darts only); -1 means the reference (darts 0.2, else 0).")
    private float dropPath = -1f;
    @Config(description = "Side in pixels of the cutout square in final training (images only; 0 turns it off); -1 means the reference (darts 16, else 0).")
    private int cutout = -1;
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
        boolean inferShape = imageChannels == 0 && imageHeight == 0 && imageWidth == 0;
        if (!inferShape) {
            for (String[] field : new String[][]{{"imageChannels", "" + imageChannels}, {"imageHeight", "" + imageHeight},
                    {"imageWidth", "" + imageWidth}}) {
                if (Integer.parseInt(field[1]) <= 0) {
                    problems.add(new String[]{field[0], "must be positive, got " + field[1]
                            + " (set imageChannels, imageHeight and imageWidth, or none of them to infer the shape from the data)"});
                }
            }
        }
        SearchSpace space = null;
        if (!SearchSpaces.names().contains(searchSpace)) {
            problems.add(new String[]{"searchSpace", "unknown search space '" + searchSpace + "', expected one of "
                    + SearchSpaces.names()});
        } else {
            try {
                space = SearchSpaces.create(searchSpace, ops);
            } catch (IllegalArgumentException e) {
                problems.add(new String[]{"ops", e.getMessage()});
            }
        }
        if (geometry == null) {
            problems.add(new String[]{"geometry", "must be EXPONENTIATED_GRADIENT or SOFTMAX_ADAM"});
        }
        if (relaxation == null) {
            problems.add(new String[]{"relaxation", "must be CONTINUOUS or GUMBEL"});
        }
        if (scheme == null) {
            problems.add(new String[]{"scheme", "must be SINGLE_LEVEL or BILEVEL"});
        }
        nonNegative(problems, "archLearningRate", archLearningRate);
        nonNegative(problems, "edgeLearningRate", edgeLearningRate);
        nonNegative(problems, "archWeightDecay", archWeightDecay);
        nonNegative(problems, "partialChannels", partialChannels);
        defaultOrNonNegative(problems, "archEntropicWeight", archEntropicWeight);
        defaultOrNonNegative(problems, "archWarmupEpochs", archWarmupEpochs);
        positive(problems, "tauMax", tauMax);
        positive(problems, "tauMin", tauMin);
        if (tauMin > tauMax) {
            problems.add(new String[]{"tauMin", "must not exceed tauMax (" + tauMax + "), got " + tauMin});
        }
        nonNegative(problems, "searchChannels", searchChannels);
        positive(problems, "searchCellsPerStage", searchCellsPerStage);
        nonNegative(problems, "searchLayers", searchLayers);
        positive(problems, "searchEpochs", searchEpochs);
        positive(problems, "searchBatchSize", searchBatchSize);
        nonNegative(problems, "searchExamples", searchExamples);
        nonNegative(problems, "finalExamples", finalExamples);
        if (finalExamples > 0 && finalBatchSize > finalExamples) {
            problems.add(new String[]{"finalBatchSize", finalBatchSize + " exceeds finalExamples (" + finalExamples
                    + "): no final-training step would have a full batch"});
        }
        int perStep = scheme == SearchScheme.BILEVEL ? searchExamples / 2 : searchExamples;
        if (searchExamples > 0 && searchBatchSize > perStep) {
            problems.add(new String[]{"searchBatchSize", searchBatchSize + " exceeds searchExamples (" + searchExamples
                    + (scheme == SearchScheme.BILEVEL ? ", halved by the bilevel split" : "") + "): no search step would have a full batch"});
        }
        positive(problems, "searchLearningRate", searchLearningRate);
        nonNegative(problems, "searchLearningRateMin", searchLearningRateMin);
        nonNegative(problems, "searchLrPeriodEpochs", searchLrPeriodEpochs);
        nonNegative(problems, "finalChannels", finalChannels);
        positive(problems, "finalCellsPerStage", finalCellsPerStage);
        nonNegative(problems, "finalLayers", finalLayers);
        defaultOrNonNegative(problems, "auxiliaryWeight", auxiliaryWeight);
        defaultOrNonNegative(problems, "dropPath", dropPath);
        if (dropPath >= 1) {
            problems.add(new String[]{"dropPath", "must be below 1, got " + dropPath});
        }
        defaultOrNonNegative(problems, "cutout", cutout);
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
        if (problems.isEmpty()) {
            checkMethodFitsSpace(problems, space);
        }
        return problems;
    }

    /** Options that make no sense for the chosen space or method. */
    private void checkMethodFitsSpace(List<String[]> problems, SearchSpace space) {
        boolean darts = DARTS.equals(searchSpace);
        if (!darts) {
            for (String[] option : new String[][]{{"partialChannels", partialChannels > 1 ? "" + partialChannels : null},
                    {"auxiliaryWeight", auxiliaryWeight > 0 ? "" + auxiliaryWeight : null},
                    {"dropPath", dropPath > 0 ? "" + dropPath : null}}) {
                if (option[1] != null) {
                    problems.add(new String[]{option[0], "applies to the darts space only, the " + searchSpace
                            + " space has no " + ("partialChannels".equals(option[0]) ? "partial channels"
                            : "auxiliaryWeight".equals(option[0]) ? "auxiliary head" : "drop-path") + "; got " + option[1]});
                }
            }
        }
        if (NAS_BENCH_201.equals(searchSpace)) {
            if (searchLayers > 0) {
                problems.add(new String[]{"searchLayers", "applies to the darts and tabular spaces; the nas-bench-201 supernet's depth is searchCellsPerStage"});
            }
            if (finalLayers > 0) {
                problems.add(new String[]{"finalLayers", "applies to the darts and tabular spaces; the nas-bench-201 network's depth is finalCellsPerStage"});
            }
        }
        if (TABULAR.equals(searchSpace) && cutout > 0) {
            problems.add(new String[]{"cutout", "applies to images; the tabular space has no pixels to cut out, got " + cutout});
        }
        if (geometry == ArchitectureGeometry.SOFTMAX_ADAM && archEntropicWeight > 0) {
            problems.add(new String[]{"archEntropicWeight", "applies to the EXPONENTIATED_GRADIENT geometry only"});
        }
        if (effectiveArchWarmupEpochs() >= searchEpochs) {
            problems.add(new String[]{"archWarmupEpochs", effectiveArchWarmupEpochs() + (archWarmupEpochs < 0 ? " (the "
                    + method() + " reference)" : "") + " leaves no architecture update in " + searchEpochs
                    + " search epochs; set archWarmupEpochs below searchEpochs"});
        }
        if (problems.isEmpty()) {
            try {
                space.checkSupernet(supernetSettings());
            } catch (IllegalArgumentException e) {
                problems.add(new String[]{"partialChannels", e.getMessage()});
            }
            try {
                space.checkNetwork(networkSettings());
            } catch (IllegalArgumentException e) {
                problems.add(new String[]{DARTS.equals(searchSpace) ? "finalLayers" : "finalChannels", e.getMessage()});
            }
        }
    }

    private static void defaultOrNonNegative(List<String[]> problems, String field, double value) {
        if (value != -1 && !(value >= 0) || Double.isInfinite(value)) {
            problems.add(new String[]{field, "must be non-negative (or -1 for the reference value), got " + value});
        }
    }

    /**
     * The method's name in the paper's terms, e.g. GAEA PC-DARTS or GDAS.
     * @return The method name.
     */
    public String method() {
        boolean gaea = geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT;
        String base = relaxation == Relaxation.GUMBEL ? "GDAS" : edgeWeights() ? "PC-DARTS" : "DARTS";
        return (gaea ? "GAEA " : "") + base;
    }

    /** @return K of partial channels after resolving the space default. */
    int effectivePartialChannels() {
        return partialChannels > 0 ? partialChannels : DARTS.equals(searchSpace) ? 4 : 1;
    }

    /** @return Whether each node weighs its incoming edges (PC-DARTS, with partial channels). */
    boolean edgeWeights() {
        return effectivePartialChannels() > 1;
    }

    private float effectiveEdgeLearningRate() {
        return edgeLearningRate > 0 ? edgeLearningRate : effectiveArchLearningRate();
    }

    private float effectiveArchEntropicWeight() {
        if (archEntropicWeight >= 0) {
            return archEntropicWeight;
        }
        return geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT && relaxation == Relaxation.GUMBEL ? 0.01f : 0f;
    }

    private int effectiveArchWarmupEpochs() {
        if (archWarmupEpochs >= 0) {
            return archWarmupEpochs;
        }
        if (geometry == ArchitectureGeometry.SOFTMAX_ADAM && relaxation == Relaxation.CONTINUOUS && edgeWeights()) {
            return 15;
        }
        return geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT && relaxation == Relaxation.GUMBEL ? 50 : 0;
    }

    private int effectiveSearchChannels() {
        return searchChannels > 0 ? searchChannels : TABULAR.equals(searchSpace) ? 64 : 16;
    }

    private int effectiveSearchDepth() {
        if (NAS_BENCH_201.equals(searchSpace)) {
            return searchCellsPerStage;
        }
        return searchLayers > 0 ? searchLayers : DARTS.equals(searchSpace) ? 8 : 2;
    }

    private int effectiveFinalChannels() {
        return finalChannels > 0 ? finalChannels : DARTS.equals(searchSpace) ? 36 : TABULAR.equals(searchSpace) ? 64 : 16;
    }

    private int effectiveFinalDepth() {
        if (NAS_BENCH_201.equals(searchSpace)) {
            return finalCellsPerStage;
        }
        return finalLayers > 0 ? finalLayers : DARTS.equals(searchSpace) ? 20 : 2;
    }

    private float effectiveAuxiliaryWeight() {
        return auxiliaryWeight >= 0 ? auxiliaryWeight : DARTS.equals(searchSpace) ? 0.4f : 0f;
    }

    private float effectiveDropPath() {
        return dropPath >= 0 ? dropPath : DARTS.equals(searchSpace) ? 0.2f : 0f;
    }

    private int effectiveCutout() {
        return cutout >= 0 ? cutout : DARTS.equals(searchSpace) ? 16 : 0;
    }

    private SupernetSettings supernetSettings() {
        return new SupernetSettings(effectiveSearchChannels(), effectiveSearchDepth(), effectivePartialChannels(), edgeWeights());
    }

    private NetworkSettings networkSettings() {
        return new NetworkSettings(effectiveFinalChannels(), effectiveFinalDepth(), effectiveAuxiliaryWeight() > 0);
    }

    /**
     * The search space with its candidate ops.
     * @return The space.
     */
    public SearchSpace space() {
        return SearchSpaces.create(searchSpace, ops);
    }

    /**
     * Every setting whose value was resolved from the space or method, as recorded in the model's
     * provenance.
     * @return {@code name=value} pairs, comma separated.
     */
    public String resolvedSettings() {
        return String.format(Locale.ROOT, "method=%s, ops=%s, partialChannels=%d, edgeWeights=%b, archLearningRate=%s, "
                        + "edgeLearningRate=%s, archEntropicWeight=%s, archWarmupEpochs=%d, searchChannels=%d, searchDepth=%d, "
                        + "finalChannels=%d, finalDepth=%d, auxiliaryWeight=%s, dropPath=%s, cutout=%d",
                method(), String.join(",", space().ops()), effectivePartialChannels(), edgeWeights(),
                effectiveArchLearningRate(), edgeWeights() ? effectiveEdgeLearningRate() : 0f, effectiveArchEntropicWeight(),
                effectiveArchWarmupEpochs(), effectiveSearchChannels(), effectiveSearchDepth(), effectiveFinalChannels(),
                effectiveFinalDepth(), effectiveAuxiliaryWeight(), effectiveDropPath(), effectiveCutout());
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
     * The configured input image shape.
     * @return channels × height × width, or empty when the shape is inferred from the data
     *         ({@link ImageShapeResolver}).
     */
    public Optional<ImageShape> imageShape() {
        return imageChannels == 0 ? Optional.empty() : Optional.of(new ImageShape(imageChannels, imageHeight, imageWidth));
    }

    /**
     * The search settings for one run.
     * @param runSeed The run's seed.
     * @return The configuration.
     */
    SearchConfig searchConfig(long runSeed) {
        return SearchConfig.builder()
                .space(space())
                .channels(effectiveSearchChannels())
                .depth(effectiveSearchDepth())
                .partialChannels(effectivePartialChannels())
                .edgeWeights(edgeWeights())
                .geometry(geometry)
                .relaxation(relaxation)
                .archLearningRate(effectiveArchLearningRate())
                .edgeLearningRate(effectiveEdgeLearningRate())
                .archEntropicWeight(effectiveArchEntropicWeight())
                .archWarmupEpochs(effectiveArchWarmupEpochs())
                .temperature(tauMax, tauMin)
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
     * @return The configured rate, or the method's reference rate when it is 0: EG 0.1 (0.01 for
     * GAEA GDAS), softmax-Adam 3e-4 (6e-4 for PC-DARTS).
     */
    public float effectiveArchLearningRate() {
        if (archLearningRate > 0) {
            return archLearningRate;
        }
        if (geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT) {
            return relaxation == Relaxation.GUMBEL ? 0.01f : SearchConfig.defaultArchLearningRate(geometry);
        }
        return edgeWeights() && relaxation == Relaxation.CONTINUOUS ? 6e-4f : SearchConfig.defaultArchLearningRate(geometry);
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
        SearchSpace space = space();
        ImageData data = tensorize(space, examples, labels);
        Normalization norm = Normalization.fit(data);
        SplittableRandom seeds = new SplittableRandom(runSeed);
        long searchSeed = seeds.nextLong();
        long subsetSeed = seeds.nextLong();
        long finalSeed = seeds.nextLong();
        long finalSubsetSeed = seeds.nextLong();

        ImageData searchData = searchExamples > 0 && searchExamples < data.size()
                ? data.subset(subset(data.size(), searchExamples, subsetSeed)) : data;
        ImageData finalData = finalExamples > 0 && finalExamples < data.size()
                ? data.subset(subset(data.size(), finalExamples, finalSubsetSeed)) : data;
        checkSizesFit(searchData.size(), finalData.size());
        try (RunCheckpoints checkpoints = checkpointDirectory == null ? RunCheckpoints.disabled()
                : RunCheckpoints.open(checkpointDirectory, RunFingerprint.of(trainerProvenance, data, labelNames(labels)))) {
            return searchAndTrain(examples, runProvenance, trainerProvenance, labels, space, data, norm, searchData,
                    finalData, searchSeed, finalSeed, checkpoints);
        }
    }

    /** The search and the final training of one run, checkpointed in the run's folder. */
    private GaeaModel searchAndTrain(Dataset<Label> examples, Map<String, Provenance> runProvenance,
                                     TrainerProvenance trainerProvenance, ImmutableOutputInfo<Label> labels,
                                     SearchSpace space, ImageData data, Normalization norm, ImageData searchData,
                                     ImageData finalData, long searchSeed, long finalSeed, RunCheckpoints checkpoints) {
        SearchConfig searchConfig = searchConfig(searchSeed);
        logger.info(() -> String.format(Locale.ROOT, "%s search: %s, %s %s %s, C=%d depth %d, %d epochs on %d of %d examples",
                method(), searchConfig.space(), geometry, relaxation, scheme, searchConfig.channels(), searchConfig.depth(),
                searchEpochs, searchData.size(), data.size()));
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

        FinalTrainingConfig finalConfig = new FinalTrainingConfig(networkSettings(), effectiveAuxiliaryWeight(),
                effectiveDropPath(), effectiveCutout(), finalEpochs, finalBatchSize, finalLearningRate, finalLearningRateMin,
                momentum, weightDecay, gradClip, finalSeed, device);
        logger.info(() -> "training " + search.genotype() + " from scratch: C=" + finalConfig.channels() + " depth "
                + finalConfig.depth() + ", " + finalEpochs + " epochs on " + finalData.size() + " examples");
        progress.onPhaseStart(TrainingProgress.Phase.FINAL_TRAINING, finalEpochs, finalData.size() / finalBatchSize);
        TrainedNetwork network = new NetworkTrainer(finalConfig).train(space, search.genotype(), finalData, labels.size(), norm,
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
        instance.put(RESOLVED_SETTINGS, new StringProvenance(RESOLVED_SETTINGS, resolvedSettings()));
        instance.put(GaeaModel.FINAL_TRAINING_LOSSES, new StringProvenance(GaeaModel.FINAL_TRAINING_LOSSES,
                network.trainingHistory().stream().map(e -> Double.toString(e.trainLoss())).collect(Collectors.joining(","))));
        if (search.beta() != null) {
            instance.put(GaeaModel.BETA, new StringProvenance(GaeaModel.BETA, Arrays.toString(search.beta())));
        }
        ModelProvenance provenance = new ModelProvenance(GaeaModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, instance);
        return new GaeaModel("gaea-" + searchSpace, provenance, examples.getFeatureIDMap(), labels, network,
                search.alpha(), search.beta(), String.join(",", space.ops()), search.history().toJson(), predictBatchSize);
    }

    /**
     * The tensorizer of a space's inputs: pixels placed by the index in the feature name for the
     * image spaces, features placed by their id in the feature map for the tabular space.
     * @param space The space.
     * @param imageShape The image shape (image spaces).
     * @param features The feature map (tabular space).
     * @return The tensorizer.
     */
    static ExampleTensorizer tensorizerFor(SearchSpace space, ImageShape imageShape, ImmutableFeatureMap features) {
        if (TABULAR.equals(space.name())) {
            return new org.tribuo.nas.tabular.TabularTensorizer(features);
        }
        return new ImageTensorizer(imageShape);
    }

    private ImageData tensorize(SearchSpace space, Dataset<Label> examples, ImmutableOutputInfo<Label> labels) {
        if (examples.size() == 0) {
            throw new IllegalArgumentException("GaeaTrainer cannot train on an empty dataset");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("GaeaTrainer needs at least two classes, the dataset has "
                    + labels.size() + " " + labels.getDomain());
        }
        if (TABULAR.equals(space.name())) {
            return tensorizerFor(space, null, examples.getFeatureIDMap()).tensorize(examples, labels);
        }
        try {
            return new ImageTensorizer(ImageShapeResolver.resolve(imageShape(), examples)).tensorize(examples, labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ". The " + searchSpace + " space searches image networks: "
                    + "features must be pixels named by their flat index, as IDXDataSource writes them"
                    + imageShape().map(shape -> ", in the configured shape " + shape).orElse("")
                    + "; for tabular data set searchSpace=tabular", e);
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
        Device resolved = Devices.resolve(device);
        return new GaeaTrainerProvenance(this, Devices.name(resolved), Engine.getDjlVersion(), engine.getVersion(),
                RuntimeEnvironment.describe(resolved));
    }

    @Override
    public String toString() {
        return "GaeaTrainer(method=" + method() + ",space=" + searchSpace + ",ops=" + String.join(",", space().ops())
                + ",geometry=" + geometry + ",relaxation=" + relaxation + ",archLearningRate=" + effectiveArchLearningRate()
                + ",scheme=" + scheme + ",search=C" + effectiveSearchChannels() + "d" + effectiveSearchDepth()
                + "x" + searchEpochs + "ep,final=C" + effectiveFinalChannels() + "d" + effectiveFinalDepth() + "x" + finalEpochs
                + "ep" + (TABULAR.equals(searchSpace) ? "" : ",image=" + imageShape().map(ImageShape::toString).orElse("inferred")) + ",seed=" + seed + ",device=" + device + ")";
    }

    private static void copySettings(GaeaTrainer from, GaeaTrainer to) {
        to.imageChannels = from.imageChannels;
        to.imageHeight = from.imageHeight;
        to.imageWidth = from.imageWidth;
        to.searchSpace = from.searchSpace;
        to.ops = from.ops;
        to.geometry = from.geometry;
        to.relaxation = from.relaxation;
        to.partialChannels = from.partialChannels;
        to.archLearningRate = from.archLearningRate;
        to.edgeLearningRate = from.edgeLearningRate;
        to.archWeightDecay = from.archWeightDecay;
        to.archEntropicWeight = from.archEntropicWeight;
        to.archWarmupEpochs = from.archWarmupEpochs;
        to.tauMax = from.tauMax;
        to.tauMin = from.tauMin;
        to.searchLayers = from.searchLayers;
        to.finalLayers = from.finalLayers;
        to.auxiliaryWeight = from.auxiliaryWeight;
        to.dropPath = from.dropPath;
        to.cutout = from.cutout;
        to.scheme = from.scheme;
        to.searchChannels = from.searchChannels;
        to.searchCellsPerStage = from.searchCellsPerStage;
        to.searchEpochs = from.searchEpochs;
        to.searchBatchSize = from.searchBatchSize;
        to.searchExamples = from.searchExamples;
        to.finalExamples = from.finalExamples;
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
        /** @param v Search space name (nas-bench-201, darts, tabular). @return this */
        public Builder searchSpace(String v) { trainer.searchSpace = v; return this; }
        /** @param v Candidate ops, comma separated (empty = the space's reference ops). @return this */
        public Builder ops(String v) { trainer.ops = v; return this; }
        /** @param v Relaxation. @return this */
        public Builder relaxation(Relaxation v) { trainer.relaxation = v; return this; }
        /** @param v Partial channels K (darts; 1 = off, 0 = reference). @return this */
        public Builder partialChannels(int v) { trainer.partialChannels = v; return this; }
        /** @param v Edge-weight learning rate (0 = the architecture learning rate). @return this */
        public Builder edgeLearningRate(float v) { trainer.edgeLearningRate = v; return this; }
        /** @param v Entropic regularizer weight (-1 = reference). @return this */
        public Builder archEntropicWeight(float v) { trainer.archEntropicWeight = v; return this; }
        /** @param v Architecture warm-up epochs (-1 = reference). @return this */
        public Builder archWarmupEpochs(int v) { trainer.archWarmupEpochs = v; return this; }
        /** @param max Initial temperature. @param min Final temperature. @return this */
        public Builder temperature(float max, float min) { trainer.tauMax = max; trainer.tauMin = min; return this; }
        /** @param c C (0 = reference). @param layers Cells of a darts or tabular supernet (0 = reference). @return this */
        public Builder searchLayers(int c, int layers) { trainer.searchChannels = c; trainer.searchLayers = layers; return this; }
        /** @param c C (0 = reference). @param layers Cells of a final darts or tabular network (0 = reference). @return this */
        public Builder finalLayers(int c, int layers) { trainer.finalChannels = c; trainer.finalLayers = layers; return this; }
        /** @param aux Auxiliary loss weight (-1 = reference). @param drop Drop-path probability (-1 = reference). @param cut Cutout side (-1 = reference). @return this */
        public Builder finalRegularization(float aux, float drop, int cut) {
            trainer.auxiliaryWeight = aux;
            trainer.dropPath = drop;
            trainer.cutout = cut;
            return this;
        }
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
        /** @param v Final-training subset size (0 = all). @return this */
        public Builder finalExamples(int v) { trainer.finalExamples = v; return this; }
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
