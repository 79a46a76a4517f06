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
import org.tribuo.nas.space.NetworkSettings;

/**
 * Settings of training a genotype's network from scratch.
 *
 * @param network Network sizes (C, depth) and whether it has an auxiliary head.
 * @param auxiliaryWeight Weight of the auxiliary head's loss (0 without one; DARTS: 0.4).
 * @param dropPath Final drop-path probability, reached linearly over the epochs (0 = off; DARTS: 0.2).
 * @param cutout Side of the square cut out of each training image, in pixels (0 = off; DARTS: 16).
 * @param randomCropPadding Zero padding of the random crop of each training image, in pixels (0 = off; the
 *                          reference's CIFAR pipeline: 4).
 * @param horizontalFlip Whether each training image is flipped left to right with probability 1/2.
 * @param epochs Training epochs.
 * @param batchSize Minibatch size.
 * @param learningRate Initial learning rate.
 * @param learningRateMin Final learning rate of the cosine schedule (over all epochs).
 * @param momentum SGD momentum.
 * @param weightDecay SGD weight decay.
 * @param gradClip Global gradient-norm bound.
 * @param seed Seed for initialization, shuffling, drop-path and augmentation.
 * @param device Device setting: auto, cpu, gpu or gpu:N.
 */
public record FinalTrainingConfig(NetworkSettings network, float auxiliaryWeight, float dropPath, int cutout,
                                  int randomCropPadding, boolean horizontalFlip, int epochs, int batchSize, float learningRate,
                                  float learningRateMin, float momentum, float weightDecay, float gradClip,
                                  long seed, String device) {

    /**
     * Validates every setting; the message names the setting.
     */
    public FinalTrainingConfig {
        if (network == null) {
            throw new IllegalArgumentException("network settings must be set");
        }
        require(auxiliaryWeight >= 0 && !Float.isInfinite(auxiliaryWeight), "auxiliaryWeight", auxiliaryWeight);
        if (network.auxiliaryHead() != (auxiliaryWeight > 0)) {
            throw new IllegalArgumentException("the network has " + (network.auxiliaryHead() ? "an" : "no")
                    + " auxiliary head but auxiliaryWeight is " + auxiliaryWeight);
        }
        require(dropPath >= 0 && dropPath < 1, "dropPath", dropPath);
        require(cutout >= 0, "cutout", cutout);
        require(randomCropPadding >= 0, "randomCropPadding", randomCropPadding);
        require(epochs > 0, "epochs", epochs);
        require(batchSize > 0, "batchSize", batchSize);
        require(learningRate > 0 && !Float.isInfinite(learningRate), "learningRate", learningRate);
        require(learningRateMin >= 0 && learningRateMin <= learningRate, "learningRateMin", learningRateMin);
        require(momentum >= 0 && momentum < 1, "momentum", momentum);
        require(weightDecay >= 0 && !Float.isInfinite(weightDecay), "weightDecay", weightDecay);
        require(gradClip >= 0 && !Float.isInfinite(gradClip), "gradClip", gradClip);
        if (device == null) {
            throw new IllegalArgumentException("device must be set (auto, cpu, gpu or gpu:N)");
        }
    }

    private static void require(boolean ok, String name, double value) {
        if (!ok) {
            throw new IllegalArgumentException("final training setting " + name + " is invalid: " + value);
        }
    }

    /**
     * The reference's evaluation settings (SGD momentum 0.9, wd 3e-4, clip 5, cosine to 0) at the
     * given size and budget, without auxiliary head, drop-path or augmentation.
     * @param channels C.
     * @param cellsPerStage N.
     * @param epochs Epochs.
     * @param batchSize Batch size.
     * @param learningRate Initial learning rate.
     * @param seed Seed.
     * @param device Device setting.
     * @return The configuration.
     */
    public static FinalTrainingConfig of(int channels, int cellsPerStage, int epochs, int batchSize, float learningRate,
                                         long seed, String device) {
        return new FinalTrainingConfig(new NetworkSettings(channels, cellsPerStage, false), 0f, 0f, 0, 0, false, epochs, batchSize,
                learningRate, 0f, 0.9f, 3e-4f, 5f, seed, device);
    }

    /**
     * The augmentation of the training batches.
     * @return The random crop, flip and cutout these settings ask for.
     */
    public Augmentation augmentation() {
        return Augmentation.of(randomCropPadding, horizontalFlip, cutout);
    }

    /**
     * Whether the training batches are augmented.
     * @return True if any of random crop, flip or cutout is on.
     */
    public boolean augments() {
        return randomCropPadding > 0 || horizontalFlip || cutout > 0;
    }

    /**
     * Channels C of the network.
     * @return C.
     */
    public int channels() {
        return network.channels();
    }

    /**
     * Depth of the network: cells per stage (NAS-Bench-201) or cells (DARTS, tabular).
     * @return The depth.
     */
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
        return dropPath * epoch / epochs;
    }

    /**
     * The learning-rate schedule.
     * @return Cosine from the initial rate to the minimum over all epochs.
     */
    public CosineSchedule schedule() {
        return new CosineSchedule(learningRate, learningRateMin, epochs);
    }
}
