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
import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.Augmentation;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.space.DropPathControl;
import org.tribuo.nas.space.Genotype;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.nas.numerics.NativeScalars;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.loop.ExclusiveGradientCollector;
import org.tribuo.nas.loop.SgdOptimizer;
import org.tribuo.nas.loop.StepGuard;
import org.tribuo.nas.loop.TrainingCheckpoint;
import org.tribuo.nas.loop.TrainingEpoch;
import org.tribuo.nas.loop.TrainingPhase;
import org.tribuo.nas.runtime.DjlRuntime;

/**
 * The final training as a {@link TrainingPhase}: one SGD step of the genotype's network per
 * minibatch, with the auxiliary-head loss, drop-path and cutout of DARTS's evaluation when the
 * space asks for them, and the random crop and flip of the reference's CIFAR pipeline when the
 * final training asks for them. Its random choices come from generators seeded by the augmentation seed,
 * the epoch and the step. The SGD state is freed by {@link #close()}; the network and its manager
 * are the caller's.
 */
final class FinalTrainingPhase implements TrainingPhase<TrainingCheckpoint>, AutoCloseable {

    private final FinalTrainingConfig config;
    private final Genotype genotype;
    private final ImageData train;
    private final Normalization norm;
    private final long augmentSeed;
    private final Augmentation augmentation;
    private final Engine engine = DjlRuntime.engine();
    private final NDManager manager;
    private final Block network;
    private final DropPathControl dropPath;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();
    private final BatchSampler sampler;
    private final StepGuard guard = new StepGuard();
    private final SgdOptimizer sgd;
    private final List<TrainingEpoch> history = new ArrayList<>();
    private int[][] batches;
    private float lr;
    private final double[] totals = new double[2];

    FinalTrainingPhase(FinalTrainingConfig config, Genotype genotype, Block network, ImageData train, Normalization norm,
                       NDManager manager, long initSeed, long shuffleSeed, long augmentSeed) {
        this.config = config;
        this.genotype = genotype;
        this.network = network;
        this.train = train;
        this.norm = norm;
        this.manager = manager;
        this.augmentSeed = augmentSeed;
        this.augmentation = config.augmentation();
        this.dropPath = network instanceof DropPathControl control ? control : null;
        DjlRuntime.initializeSeeded(initSeed,
                () -> network.initialize(manager, DataType.FLOAT32, TrainedNetwork.inputShape(train.shape())));
        this.sampler = new BatchSampler(train.size(), config.batchSize(), true, shuffleSeed);
        this.sgd = config.sgd().newOptimizer(network, manager);
    }

    @Override
    public RunPhase phase() {
        return RunPhase.FINAL_TRAINING;
    }

    @Override
    public Class<TrainingCheckpoint> stateType() {
        return TrainingCheckpoint.class;
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public int stepsPerEpoch() {
        return train.size() / config.batchSize();
    }

    @Override
    public void restore(TrainingCheckpoint c) {
        if (!c.genotype().equals(genotype.toString())) {
            throw new CheckpointException("the final-training checkpoint trains " + c.genotype() + ", the search chose "
                    + genotype);
        }
        c.network().restoreInto(network);
        sgd.restore(c.network().momentum(), c.network().lastLearningRate());
        history.addAll(c.epochs());
        for (int e = 0; e < c.epochsDone(); e++) {
            sampler.epochBatches();
        }
    }

    @Override
    public int beginEpoch(int epoch) {
        lr = config.schedule().at(epoch);
        batches = sampler.epochBatches();
        totals[0] = 0;
        totals[1] = 0;
        return batches.length;
    }

    @Override
    public void step(int epoch, int b) {
        int[] batch = batches[b];
        long stepSeed = augmentSeed + 0x9E3779B97F4A7C15L * ((long) epoch * batches.length + b);
        float dropPathProbability = config.dropPathAt(epoch);
        guard.run("final-training step " + (b + 1) + " of epoch " + (epoch + 1), () -> {
            try (NDManager step = manager.newSubManager()) {
                SplittableRandom stepRandom = new SplittableRandom(stepSeed);
                NDArray x = BatchFactory.images(step, train, batch, norm, augmentation, stepRandom);
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
                        objective = value.add(NativeScalars.mul(loss.evaluate(new NDList(y), new NDList(out.get(1))), config.auxiliaryWeight()));
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
    }

    @Override
    public EpochFigures endEpoch(int epoch, long startNanos) {
        TrainingEpoch record = new TrainingEpoch(epoch + 1, lr, totals[0] / batches.length,
                totals[1] / (batches.length * config.batchSize()), (System.nanoTime() - startNanos) / 1e9);
        history.add(record);
        return record;
    }

    @Override
    public NetworkState networkState() {
        return NetworkState.capture(network, sgd.momentumState(), sgd.lastLearningRate());
    }

    @Override
    public TrainingCheckpoint checkpoint(int epochsDone, NetworkState state) {
        return new TrainingCheckpoint(genotype.toString(), epochsDone, history, state);
    }

    /** Turns drop-path off for inference. */
    void finish() {
        if (dropPath != null) {
            dropPath.setDropPath(0f, 0L);
        }
    }

    List<TrainingEpoch> history() {
        return history;
    }

    @Override
    public void close() {
        sgd.close();
    }
}
