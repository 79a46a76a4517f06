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

import org.tribuo.nas.data.Augmentation;
import org.tribuo.nas.space.FinalRegularization;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.loop.CosineSchedule;
import org.tribuo.nas.loop.SgdSettings;

import java.util.Objects;

/**
 * One training of a genotype's network from scratch: the space's network sizes and
 * regularization with the trainer's {@link FinalTraining} part, and nothing else.
 *
 * @param network Network sizes (C, depth) and whether it has an auxiliary head, from the space.
 * @param regularization Auxiliary-head weight, drop-path and cutout, from the space.
 * @param training Epochs, batches, SGD and augmentation.
 * @param seed Seed for initialization, shuffling, drop-path and augmentation.
 * @param device Device setting: auto, cpu, gpu or gpu:N.
 */
public record FinalTrainingConfig(NetworkSettings network, FinalRegularization regularization, FinalTraining training,
                                  long seed, String device) {

    /**
     * Checks the parts are set and the network's auxiliary head matches its loss weight.
     */
    public FinalTrainingConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(regularization, "regularization");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(device, "device (auto, cpu, gpu or gpu:N)");
        if (network.auxiliaryHead() != (regularization.auxiliaryWeight() > 0)) {
            throw new IllegalArgumentException("the network has " + (network.auxiliaryHead() ? "an" : "no")
                    + " auxiliary head but auxiliaryWeight is " + regularization.auxiliaryWeight());
        }
    }

    /**
     * The training of a space's final network.
     * @param space The search space (network sizes and regularization).
     * @param training The final-training part.
     * @param seed The seed.
     * @param device The device setting.
     * @return The configuration.
     */
    public static FinalTrainingConfig of(SearchSpace space, FinalTraining training, long seed, String device) {
        return new FinalTrainingConfig(space.networkSettings(), space.finalRegularization(), training, seed, device);
    }

    /** @return Weight of the auxiliary head's loss (0 without one; DARTS: 0.4). */
    public float auxiliaryWeight() {
        return regularization.auxiliaryWeight();
    }

    /** @return Final drop-path probability, reached linearly over the epochs (0 = off; DARTS: 0.2). */
    public float dropPath() {
        return regularization.dropPath();
    }

    /** @return Side of the square cut out of each training image, in pixels (0 = off). */
    public int cutout() {
        return regularization.cutout();
    }

    /** @return Training epochs. */
    public int epochs() {
        return training.epochs();
    }

    /** @return Minibatch size. */
    public int batchSize() {
        return training.batchSize();
    }

    /** @return The SGD of the network's weights. */
    public SgdSettings sgd() {
        return training.sgd();
    }

    /**
     * The augmentation of the training batches.
     * @return The random crop, flip and cutout these settings ask for.
     */
    public Augmentation augmentation() {
        return Augmentation.of(training.randomCropPadding(), training.horizontalFlip(), cutout());
    }

    /**
     * Whether the training batches are augmented.
     * @return True if any of random crop, flip or cutout is on.
     */
    public boolean augments() {
        return training.augmentsImages() || cutout() > 0;
    }

    /** @return Channels C of the network. */
    public int channels() {
        return network.channels();
    }

    /** @return Depth of the network: cells per stage (NAS-Bench-201) or cells (DARTS, tabular). */
    public int depth() {
        return network.depth();
    }

    /**
     * The drop-path probability of an epoch: linear from 0 to {@link #dropPath()}, as DARTS
     * ({@code p·e/epochs}).
     * @param epoch The 0-based epoch.
     * @return The probability.
     */
    public float dropPathAt(int epoch) {
        return dropPath() * epoch / epochs();
    }

    /**
     * The learning-rate schedule.
     * @return Cosine from the initial rate to the minimum over all epochs.
     */
    public CosineSchedule schedule() {
        return training.sgd().learningRates(epochs());
    }

    /**
     * Every setting, in the form checkpoint fingerprints (e.g. LongBudget's) hold: the form of
     * the flat record this class once was, so that a training's fingerprint stays what it was.
     * @return {@code FinalTrainingConfig[network=..., device=...]}.
     */
    @Override
    public String toString() {
        return "FinalTrainingConfig[network=" + network + ", auxiliaryWeight=" + auxiliaryWeight() + ", dropPath=" + dropPath()
                + ", cutout=" + cutout() + ", randomCropPadding=" + training.randomCropPadding() + ", horizontalFlip="
                + training.horizontalFlip() + ", epochs=" + epochs() + ", batchSize=" + batchSize() + ", learningRate="
                + sgd().learningRate() + ", learningRateMin=" + sgd().learningRateMin() + ", momentum=" + sgd().momentum()
                + ", weightDecay=" + sgd().weightDecay() + ", gradClip=" + sgd().gradClip() + ", seed=" + seed + ", device="
                + device + "]";
    }
}
