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

package org.tribuo.nas.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import org.tribuo.nas.checkpoint.CheckpointException;
import org.tribuo.nas.checkpoint.NetworkState;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.CheckpointPhase;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.Cutout;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.space.DropPathControl;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Trains the network of a genotype from scratch: SGD with momentum, weight decay, gradient-norm
 * clipping and a per-epoch cosine learning rate; with the options of DARTS's evaluation, an
 * auxiliary-head loss, drop-path (probability rising linearly over the epochs) and cutout. The
 * random choices of drop-path and cutout come from generators seeded by the seed, the epoch and
 * the step, so a resumed training makes the same ones.
 */
public final class NetworkTrainer {

    private static final Logger logger = Logger.getLogger(NetworkTrainer.class.getName());

    private final FinalTrainingConfig config;

    /**
     * Creates a trainer.
     * @param config Its settings.
     */
    public NetworkTrainer(FinalTrainingConfig config) {
        this.config = config;
    }

    /**
     * Trains without checkpoints.
     * @param space The genotype's space.
     * @param genotype The cell.
     * @param train Training images with labels.
     * @param numClasses Number of classes.
     * @param norm Input normalization.
     * @param onEpoch Receives each epoch's figures.
     * @param onStep Receives (epoch, step, stepsPerEpoch) after each minibatch; may be null.
     * @return The trained network; the caller closes it.
     */
    public TrainedNetwork train(SearchSpace space, Genotype genotype, ImageData train, int numClasses, Normalization norm,
                                Consumer<TrainingEpoch> onEpoch, StepListener onStep) {
        return train(space, genotype, train, numClasses, norm, onEpoch, onStep, RunCheckpoints.disabled());
    }

    /**
     * Trains, continuing from the final-training checkpoint if there is one, and checkpointing at
     * the end of every epoch. A resumed training ends exactly as an uninterrupted one.
     * @param space The genotype's space.
     * @param genotype The cell.
     * @param train Training images with labels.
     * @param numClasses Number of classes.
     * @param norm Input normalization.
     * @param onEpoch Receives the figures of each epoch run now.
     * @param onStep Receives (epoch, step, stepsPerEpoch) after each minibatch; may be null.
     * @param checkpoints Where checkpoints are read and written.
     * @return The trained network; the caller closes it.
     * @throws TrainingDivergedException if the training diverges; the last good checkpoint is kept.
     */
    public TrainedNetwork train(SearchSpace space, Genotype genotype, ImageData train, int numClasses, Normalization norm,
                                Consumer<TrainingEpoch> onEpoch, StepListener onStep, RunCheckpoints checkpoints) {
        space.checkNetwork(config.network());
        if (train.size() < config.batchSize()) {
            throw new IllegalArgumentException("batchSize " + config.batchSize() + " exceeds the " + train.size()
                    + " training images");
        }
        Optional<TrainingCheckpoint> resume = checkpoints.load(CheckpointPhase.FINAL_TRAINING, TrainingCheckpoint.class);
        if (resume.isPresent() && !resume.get().genotype().equals(genotype.toString())) {
            throw new CheckpointException("the final-training checkpoint in '" + checkpoints.folder() + "' trains "
                    + resume.get().genotype() + ", the search chose " + genotype);
        }
        Device device = Devices.resolve(config.device());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        long initSeed = seeds.nextLong();
        long shuffleSeed = seeds.nextLong();
        long augmentSeed = seeds.nextLong();
        Cutout cutout = config.cutout() > 0 ? new Cutout(config.cutout()) : null;
        Engine engine = DjlRuntime.engine();
        NDManager manager = engine.newBaseManager(device);
        try {
            Block network = space.newNetwork(genotype, config.network(), numClasses);
            DropPathControl dropPath = network instanceof DropPathControl ? (DropPathControl) network : null;
            if (config.dropPath() > 0 && dropPath == null) {
                throw new IllegalArgumentException("dropPath applies to the darts space only; the " + space.name()
                        + " network has no drop-path");
            }
            DjlRuntime.initializeSeeded(initSeed,
                    () -> network.initialize(manager, DataType.FLOAT32, TrainedNetwork.inputShape(train.shape())));
            Loss loss = Loss.softmaxCrossEntropyLoss();
            BatchSampler sampler = new BatchSampler(train.size(), config.batchSize(), true, shuffleSeed);
            StepGuard guard = new StepGuard();
            List<TrainingEpoch> history = new ArrayList<>();
            try (SgdOptimizer sgd = new SgdOptimizer(network, manager, config.momentum(), config.weightDecay(), config.gradClip())) {
                int firstEpoch = 0;
                if (resume.isPresent()) {
                    TrainingCheckpoint c = resume.get();
                    logger.info(() -> "resuming the final training after epoch " + c.epochsDone() + " of " + config.epochs()
                            + " from " + checkpoints.folder().resolve(RunCheckpoints.FINAL_FILE));
                    c.network().restoreInto(network);
                    sgd.restore(c.network().momentum(), c.network().lastLearningRate());
                    history.addAll(c.epochs());
                    for (int e = 0; e < c.epochsDone(); e++) {
                        sampler.epochBatches();
                    }
                    firstEpoch = c.epochsDone();
                }
                for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
                    long start = System.nanoTime();
                    float lr = config.schedule().at(epoch);
                    int[][] batches = sampler.epochBatches();
                    double[] totals = new double[2];
                    try {
                        for (int b = 0; b < batches.length; b++) {
                            int[] batch = batches[b];
                            long stepSeed = augmentSeed + 0x9E3779B97F4A7C15L * ((long) epoch * batches.length + b);
                            float dropPathProbability = config.dropPathAt(epoch);
                            guard.run("final-training step " + (b + 1) + " of epoch " + (epoch + 1), () -> {
                                try (NDManager step = manager.newSubManager()) {
                                    SplittableRandom stepRandom = new SplittableRandom(stepSeed);
                                    NDArray x = BatchFactory.images(step, train, batch, norm, cutout, stepRandom);
                                    NDArray y = BatchFactory.labels(step, train, batch);
                                    if (dropPath != null) {
                                        dropPath.setDropPath(dropPathProbability, stepRandom.nextLong());
                                    }
                                    NDArray logits;
                                    NDArray value;
                                    try (GradientCollector gc = ExclusiveGradientCollector.open(engine)) {
                                        NDList out = network.forward(new ParameterStore(step, false), new NDList(x), true);
                                        logits = out.get(0);
                                        value = loss.evaluate(new NDList(y), new NDList(logits));
                                        NDArray objective = value;
                                        if (out.size() > 1) {
                                            objective = value.add(loss.evaluate(new NDList(y), new NDList(out.get(1)))
                                                    .mul(config.auxiliaryWeight()));
                                        }
                                        gc.backward(objective);
                                    }
                                    if (!Float.isFinite(sgd.step(lr))) {
                                        return false;
                                    }
                                    totals[0] += value.getFloat();
                                    totals[1] += logits.argMax(1).eq(y).countNonzero().getLong();
                                    return true;
                                }
                            });
                            if (onStep != null) {
                                onStep.onStep(epoch + 1, b + 1, batches.length);
                            }
                        }
                    } catch (ArithmeticException e) {
                        throw new TrainingDivergedException("the final training diverged: " + e.getMessage() + ". "
                                + checkpoints.lastGood(CheckpointPhase.FINAL_TRAINING), epoch + 1);
                    }
                    TrainingEpoch record = new TrainingEpoch(epoch + 1, lr, totals[0] / batches.length,
                            totals[1] / (batches.length * config.batchSize()), (System.nanoTime() - start) / 1e9);
                    history.add(record);
                    if (checkpoints.enabled()) {
                        NetworkState state = NetworkState.capture(network, sgd.momentumState(), sgd.lastLearningRate());
                        TrainingDivergedException.requireFinite(state, "final training", epoch + 1,
                                checkpoints.lastGood(CheckpointPhase.FINAL_TRAINING));
                        checkpoints.save(CheckpointPhase.FINAL_TRAINING,
                                new TrainingCheckpoint(genotype.toString(), epoch + 1, history, state));
                    }
                    onEpoch.accept(record);
                }
            }
            if (dropPath != null) {
                dropPath.setDropPath(0f, 0L);
            }
            return new TrainedNetwork(space, genotype, config.network(), numClasses, train.shape(), norm, manager, network,
                    history);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Receives per-minibatch progress. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * Called after each minibatch.
         * @param epoch One-based epoch.
         * @param step One-based step.
         * @param stepsPerEpoch Steps per epoch.
         */
        void onStep(int epoch, int step, int stepsPerEpoch);
    }
}
