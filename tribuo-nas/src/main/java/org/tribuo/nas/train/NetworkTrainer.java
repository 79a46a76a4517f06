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

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.space.DropPathControl;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.InputKind;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.loop.TrainingEpoch;
import org.tribuo.nas.loop.TrainingDivergedException;
import org.tribuo.nas.loop.TrainingLoop;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the network of a genotype from scratch: SGD with momentum, weight decay, gradient-norm
 * clipping and a per-epoch cosine learning rate; with the options of DARTS's evaluation, an
 * auxiliary-head loss, drop-path (probability rising linearly over the epochs) and cutout; and
 * with the random crop and horizontal flip of the reference's CIFAR pipeline. The random choices
 * of drop-path and the augmentation come from generators seeded by the seed, the epoch and the
 * step, so one seed gives one model and a resumed training makes the same choices.
 */
public final class NetworkTrainer {

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
     * @param progress Receives the progress.
     * @return The trained network; the caller closes it.
     */
    public TrainedNetwork train(SearchSpace space, Genotype genotype, ImageData train, int numClasses, Normalization norm,
                                TrainingProgress progress) {
        return train(space, genotype, train, numClasses, norm, progress, RunCheckpoints.disabled());
    }

    /**
     * Trains, continuing from the final-training checkpoint if there is one, and checkpointing at
     * the end of every epoch. A resumed training ends exactly as an uninterrupted one.
     * @param space The genotype's space.
     * @param genotype The cell.
     * @param train Training images with labels.
     * @param numClasses Number of classes.
     * @param norm Input normalization.
     * @param progress Receives the progress of the epochs run now.
     * @param checkpoints Where checkpoints are read and written.
     * @return The trained network; the caller closes it.
     * @throws TrainingDivergedException if the training diverges; the last good checkpoint is kept.
     */
    public TrainedNetwork train(SearchSpace space, Genotype genotype, ImageData train, int numClasses, Normalization norm,
                                TrainingProgress progress, RunCheckpoints checkpoints) {
        space.checkNetwork(config.network());
        if (train.size() < config.batchSize()) {
            throw new IllegalArgumentException("batchSize " + config.batchSize() + " exceeds the " + train.size()
                    + " training images");
        }
        if (config.augments() && space.inputKind() != InputKind.IMAGES) {
            throw new IllegalArgumentException("random crop, flip and cutout apply to images only; the " + space.name()
                    + " space reads " + space.inputKind());
        }
        config.augmentation().checkFits(train.shape());
        SplittableRandom seeds = new SplittableRandom(config.seed());
        long initSeed = seeds.nextLong();
        long shuffleSeed = seeds.nextLong();
        long augmentSeed = seeds.nextLong();
        NDManager manager = DjlRuntime.engine().newBaseManager(Devices.resolve(config.device()));
        try {
            Block network = space.newNetwork(genotype, config.network(), numClasses);
            if (config.dropPath() > 0 && !(network instanceof DropPathControl)) {
                throw new IllegalArgumentException("dropPath applies to the darts space only; the " + space.name()
                        + " network has no drop-path");
            }
            List<TrainingEpoch> history;
            try (FinalTrainingPhase phase = new FinalTrainingPhase(config, genotype, network, train, norm, manager,
                    initSeed, shuffleSeed, augmentSeed)) {
                TrainingLoop.run(phase, checkpoints, progress);
                phase.finish();
                history = phase.history();
            }
            return new TrainedNetwork(space, genotype, config.network(), numClasses, train.shape(), norm, manager, network,
                    history);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
