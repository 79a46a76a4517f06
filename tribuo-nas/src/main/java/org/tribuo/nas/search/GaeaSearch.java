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

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.GumbelSample;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.arch.TemperatureSchedule;
import org.tribuo.nas.checkpoint.NetworkState;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.CheckpointPhase;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.data.TrainHeldOutSplit;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.train.BatchedInference;
import org.tribuo.nas.train.Devices;
import org.tribuo.nas.train.DjlRuntime;
import org.tribuo.nas.train.SgdOptimizer;
import org.tribuo.nas.train.StepGuard;
import org.tribuo.nas.train.TrainingDivergedException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * A GAEA architecture search on any {@link SearchSpace}.
 * <p>
 * Every minibatch makes two steps, in the reference's order: first the architecture step (a
 * first-order gradient of the loss on an architecture batch, with the current weights, handed to
 * the configured geometry), then the weight step (SGD with momentum, weight decay and global
 * gradient-norm clipping, cosine learning rate per epoch) on a weight batch. During the
 * architecture warm-up epochs only the weight step runs. With the Gumbel relaxation every step
 * draws its own sample of one op per edge, from a generator seeded by the search seed and the step
 * number (so a resumed search draws the same samples).
 * <p>
 * Each step runs in its own memory scope, so no native array outlives it.
 */
public final class GaeaSearch {

    private static final Logger logger = Logger.getLogger(GaeaSearch.class.getName());
    private static final int EVAL_BATCH = 256;

    private final SearchConfig config;

    /**
     * Creates a search.
     * @param config Its settings.
     */
    public GaeaSearch(SearchConfig config) {
        this.config = config;
    }

    /**
     * The settings.
     * @return The configuration.
     */
    public SearchConfig config() {
        return config;
    }

    /**
     * Runs the search without checkpoints.
     * @param train The training images, labels in [0, numClasses).
     * @param numClasses Number of classes.
     * @param norm Input normalization.
     * @param listener Progress receiver.
     * @return The genotype, final α and history.
     */
    public SearchResult run(ImageData train, int numClasses, Normalization norm, SearchListener listener) {
        return run(train, numClasses, norm, listener, RunCheckpoints.disabled());
    }

    /**
     * Runs the search, continuing from the search checkpoint if there is one, and checkpointing
     * at the end of every epoch. A resumed search ends exactly as an uninterrupted one.
     * @param train The training images, labels in [0, numClasses).
     * @param numClasses Number of classes.
     * @param norm Input normalization.
     * @param listener Progress receiver (called for the epochs run now, not the resumed ones).
     * @param checkpoints Where checkpoints are read and written.
     * @return The genotype, final α and history.
     * @throws TrainingDivergedException if the search diverges; the last good checkpoint is kept.
     */
    public SearchResult run(ImageData train, int numClasses, Normalization norm, SearchListener listener,
                            RunCheckpoints checkpoints) {
        Device device = Devices.resolve(config.device());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        long initSeed = seeds.nextLong();
        long splitSeed = seeds.nextLong();
        long weightShuffleSeed = seeds.nextLong();
        long archShuffleSeed = seeds.nextLong();
        long gumbelSeed = seeds.nextLong();

        ImageData weightData = train;
        ImageData archData = train;
        if (config.scheme() == SearchScheme.BILEVEL) {
            int[][] halves = TrainHeldOutSplit.split(train.size(), 0.5, splitSeed);
            weightData = train.subset(halves[0]);
            archData = train.subset(halves[1]);
        }
        if (weightData.size() < config.batchSize() || archData.size() < config.batchSize()) {
            throw new IllegalArgumentException("batchSize " + config.batchSize() + " exceeds the "
                    + Math.min(weightData.size(), archData.size()) + " images available to a search step");
        }
        Optional<SearchCheckpoint> resume = checkpoints.load(CheckpointPhase.SEARCH, SearchCheckpoint.class);

        Engine engine = DjlRuntime.engine();
        SearchSpace space = config.space();
        int rows = space.alphaRows();
        int cols = space.ops().size();
        ArchitectureWeights arch = config.newArchitectureWeights();
        boolean gumbel = config.relaxation() == Relaxation.GUMBEL;
        TemperatureSchedule temperature = new TemperatureSchedule(config.tauMax(), config.tauMin(),
                config.archWarmupEpochs(), config.epochs());
        OpSelection selection = new OpSelection();
        List<EpochRecord> epochs = new ArrayList<>();
        String selected = null;
        double bestHeldOut = -1;

        try (NDManager base = engine.newBaseManager(device)) {
            Block supernet = space.newSupernet(config.supernet(), numClasses, selection);
            Shape input = new Shape(1, train.shape().channels(), train.shape().height(), train.shape().width());
            Shape[] inputs = arch.hasEdgeWeights() ? new Shape[]{input, new Shape(rows, cols), new Shape(rows)}
                    : new Shape[]{input, new Shape(rows, cols)};
            DjlRuntime.initializeSeeded(initSeed, () -> supernet.initialize(base, DataType.FLOAT32, inputs));
            BatchSampler weightBatches = new BatchSampler(weightData.size(), config.batchSize(), true, weightShuffleSeed);
            BatchSampler archBatches = new BatchSampler(archData.size(), config.batchSize(), true, archShuffleSeed);
            try (SgdOptimizer sgd = new SgdOptimizer(supernet, base, config.momentum(), config.weightDecay(), config.gradClip())) {
                SearchStep searchStep = new SearchStep(supernet, arch, selection, sgd, engine);
                StepGuard guard = new StepGuard();
                ImageData weightSet = weightData;
                ImageData archSet = archData;
                int[][] archEpoch = archBatches.epochBatches();
                int archEpochsDrawn = 1;
                int archCursor = 0;
                int firstEpoch = 0;
                if (resume.isPresent()) {
                    SearchCheckpoint c = resume.get();
                    logger.info(() -> "resuming the search after epoch " + c.epochsDone() + " of " + config.epochs()
                            + " from " + checkpoints.folder().resolve(RunCheckpoints.SEARCH_FILE));
                    arch.restore(c.architecture());
                    c.network().restoreInto(supernet);
                    sgd.restore(c.network().momentum(), c.network().lastLearningRate());
                    epochs.addAll(c.epochs());
                    selected = c.selectedGenotype();
                    bestHeldOut = c.bestHeldOut();
                    // The samplers are replayed from their seeds to where the checkpoint left them.
                    for (int e = 0; e < c.epochsDone(); e++) {
                        weightBatches.epochBatches();
                    }
                    for (; archEpochsDrawn < c.archEpochsDrawn(); archEpochsDrawn++) {
                        archEpoch = archBatches.epochBatches();
                    }
                    archCursor = c.archCursor();
                    firstEpoch = c.epochsDone();
                }
                for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
                    long start = System.nanoTime();
                    float lr = config.schedule().at(epoch);
                    float tau = temperature.at(epoch);
                    boolean archFrozen = epoch < config.archWarmupEpochs();
                    int[][] batches = weightBatches.epochBatches();
                    double[] totals = new double[2];
                    try {
                        for (int b = 0; b < batches.length; b++) {
                            if (archCursor == archEpoch.length) {
                                archEpoch = archBatches.epochBatches();
                                archEpochsDrawn++;
                                archCursor = 0;
                            }
                            int[] archBatch = archEpoch[archCursor++];
                            int[] weightBatch = batches[b];
                            String where = "step " + (b + 1) + " of epoch " + (epoch + 1);
                            long globalStep = (long) epoch * batches.length + b;
                            if (!archFrozen) {
                                guard.run("the architecture " + where, () -> {
                                    try (NDManager step = base.newSubManager()) {
                                        SearchStep.GumbelDraw draw = gumbel ? new SearchStep.GumbelDraw(
                                                sample(arch, gumbelSeed, 2 * globalStep), tau) : null;
                                        return searchStep.architectureStep(step, BatchFactory.images(step, archSet, archBatch, norm),
                                                BatchFactory.labels(step, archSet, archBatch), draw);
                                    }
                                });
                            }
                            guard.run("the weight " + where, () -> {
                                try (NDManager step = base.newSubManager()) {
                                    GumbelSample sample = gumbel ? sample(arch, gumbelSeed, 2 * globalStep + 1) : null;
                                    SearchStep.WeightStepResult r = searchStep.weightStep(step,
                                            BatchFactory.images(step, weightSet, weightBatch, norm),
                                            BatchFactory.labels(step, weightSet, weightBatch), lr, sample);
                                    if (r.finite()) {
                                        totals[0] += r.loss();
                                        totals[1] += r.correct();
                                    }
                                    return r.finite();
                                }
                            });
                            listener.onStep(epoch + 1, b + 1, batches.length);
                        }
                    } catch (ArithmeticException e) {
                        throw new TrainingDivergedException("the search diverged: " + e.getMessage() + ". "
                                + checkpoints.lastGood(CheckpointPhase.SEARCH), epoch + 1);
                    }
                    float[][] alpha = arch.alpha();
                    float[] beta = arch.beta();
                    Genotype genotype = space.derive(alpha, beta);
                    Double heldOut = null;
                    if (config.scheme() == SearchScheme.BILEVEL) {
                        heldOut = supernetAccuracy(supernet, base, archData, norm, alpha, beta, gumbel ? selection : null);
                        if (heldOut > bestHeldOut) {
                            bestHeldOut = heldOut;
                            selected = genotype.toString();
                        }
                    } else {
                        selected = genotype.toString();
                    }
                    int seen = batches.length * config.batchSize();
                    EpochRecord record = new EpochRecord(epoch + 1, lr, totals[0] / batches.length, totals[1] / seen,
                            heldOut, Simplex.meanEntropy(Arrays.copyOf(alpha, space.normalRows())), genotype.toString(),
                            alpha, beta,
                            (System.nanoTime() - start) / 1e9);
                    epochs.add(record);
                    if (checkpoints.enabled()) {
                        NetworkState network = NetworkState.capture(supernet, sgd.momentumState(), sgd.lastLearningRate());
                        TrainingDivergedException.requireFinite(network, "search", epoch + 1,
                                checkpoints.lastGood(CheckpointPhase.SEARCH));
                        checkpoints.save(CheckpointPhase.SEARCH, new SearchCheckpoint(epoch + 1, epochs, selected, bestHeldOut,
                                archEpochsDrawn, archCursor, arch.state(), network));
                    }
                    logger.fine(() -> "search epoch " + record.epoch() + " loss " + record.trainLoss() + " genotype " + record.genotype());
                    listener.onEpoch(record);
                }
            }
        }
        SearchHistory history = new SearchHistory(space.toString(), config.geometry().name(),
                config.scheme().name(), config.seed(), Devices.name(device), epochs, selected);
        history.unsettledNote().ifPresent(logger::warning);
        return new SearchResult(space.parseGenotype(selected), arch.alpha(), arch.beta(), history);
    }

    /** The Gumbel sample of one step: its generator is seeded by the search's Gumbel seed and the step. */
    private static GumbelSample sample(ArchitectureWeights arch, long gumbelSeed, long stepIndex) {
        return GumbelSampler.sample(arch.alpha(), new SplittableRandom(gumbelSeed + 0x9E3779B97F4A7C15L * stepIndex));
    }

    /**
     * Supernet accuracy with the current architecture; with the Gumbel relaxation, with the argmax
     * op of every edge (as the reference validates GDAS).
     */
    private static double supernetAccuracy(Block supernet, NDManager base, ImageData data, Normalization norm,
                                           float[][] alpha, float[] beta, OpSelection sampled) {
        float[][] weights = alpha;
        if (sampled != null) {
            int[] argmax = new int[alpha.length];
            for (int i = 0; i < alpha.length; i++) {
                argmax[i] = Simplex.argmax(alpha[i]);
            }
            weights = SearchStep.oneHot(argmax, alpha[0].length);
            sampled.sample(argmax);
        }
        float[][] mixing = weights;
        try {
            float[][] probs = BatchedInference.probabilities(supernet, base, data, norm, EVAL_BATCH, m -> {
                NDList extra = new NDList(m.create(Simplex.flatten(mixing), new Shape(mixing.length, mixing[0].length)));
                if (beta != null) {
                    extra.add(m.create(beta, new Shape(beta.length)));
                }
                return extra;
            });
            return BatchedInference.accuracy(BatchedInference.argmax(probs), data.labels());
        } finally {
            if (sampled != null) {
                sampled.all();
            }
        }
    }
}
