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
import ai.djl.ndarray.NDManager;

import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.cost.CostPenalty;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.data.TrainHeldOutSplit;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.TrainingDivergedException;
import org.tribuo.nas.loop.TrainingLoop;
import org.tribuo.nas.loop.TrainingProgress;

import java.util.List;
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
 * With {@link SearchConfig#singlePass()} (single-level only) one forward/backward pass on the
 * weight batch gives the gradients of α (and β) and of the weights, and both updates are taken
 * from them: α and the weights move from the same point on the same batch. No architecture batch
 * is drawn; warm-up epochs are the two-pass ones exactly (docs/gaea.md).
 * <p>
 * Each step runs in its own memory scope, so no native array outlives it.
 */
public final class GaeaSearch {

    private static final Logger logger = Logger.getLogger(GaeaSearch.class.getName());

    private final SearchConfig config;
    private final CostPenalty costPenalty;

    /**
     * Creates a search.
     * @param config Its settings.
     */
    public GaeaSearch(SearchConfig config) {
        this(config, null);
    }

    /**
     * Creates a cost-aware search: the penalty's gradient is added to every architecture step,
     * the genotype is derived within its budget, and α's expected cost is recorded every epoch.
     * @param config Its settings.
     * @param costPenalty The cost penalty, or null for a search without one.
     */
    public GaeaSearch(SearchConfig config, CostPenalty costPenalty) {
        this.config = config;
        this.costPenalty = costPenalty;
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
     * @param progress Progress receiver.
     * @return The genotype, final α and history.
     */
    public SearchResult run(ImageData train, int numClasses, Normalization norm, TrainingProgress progress) {
        return run(train, numClasses, norm, progress, RunCheckpoints.disabled());
    }

    /**
     * Runs the search, continuing from the search checkpoint if there is one, and checkpointing
     * at the end of every epoch. A resumed search ends exactly as an uninterrupted one.
     * @param train The training images, labels in [0, numClasses).
     * @param numClasses Number of classes.
     * @param norm Input normalization.
     * @param progress Progress receiver (called for the epochs run now, not the resumed ones).
     * @param checkpoints Where checkpoints are read and written.
     * @return The genotype, final α and history.
     * @throws TrainingDivergedException if the search diverges; the last good checkpoint is kept.
     */
    public SearchResult run(ImageData train, int numClasses, Normalization norm, TrainingProgress progress,
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
        List<EpochRecord> epochs;
        String selected;
        float[][] alpha;
        float[] beta;
        try (NDManager base = DjlRuntime.engine().newBaseManager(device);
             SearchPhase search = new SearchPhase(config, costPenalty, weightData, archData, numClasses, norm, base, initSeed,
                     weightShuffleSeed, archShuffleSeed, gumbelSeed)) {
            TrainingLoop.run(search, checkpoints, progress);
            epochs = search.history();
            selected = search.selectedGenotype();
            alpha = search.architecture().alpha();
            beta = search.architecture().beta();
        }
        SearchSpace space = config.space();
        SearchHistory history = new SearchHistory(space.toString(), config.geometry().name(),
                config.scheme().name(), config.seed(), Devices.name(device), epochs, selected);
        history.unsettledNote().ifPresent(logger::warning);
        return new SearchResult(space.parseGenotype(selected), alpha, beta, history);
    }
}
