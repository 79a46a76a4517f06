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

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;
import org.tribuo.nas.loop.SgdSettings;

/**
 * The training of the found network from scratch: epochs, batches, the examples it uses, SGD
 * with a cosine learning rate, and the random crop and flip of the training images (the
 * reference's CIFAR augmentation, off by default). A configurable component of the trainer. The
 * network's sizes and the regularization that depends on it (auxiliary head, drop-path, cutout)
 * belong to the search space.
 */
public final class FinalTraining implements Configurable, Provenancable<ConfiguredObjectProvenance> {

    @Config(description = "Epochs of training the found network from scratch.")
    private int epochs = 10;
    @Config(description = "Minibatch size.")
    private int batchSize = 96;
    @Config(description = "Examples the final training uses, a seeded random subset; 0 uses all.")
    private int examples = 0;
    @Config(description = "Initial learning rate.")
    private float learningRate = 0.025f;
    @Config(description = "Learning rate the cosine schedule reaches at the end, at most learningRate.")
    private float learningRateMin = 0f;
    @Config(description = "SGD momentum.")
    private float momentum = 0.9f;
    @Config(description = "SGD weight decay.")
    private float weightDecay = 3e-4f;
    @Config(description = "Bound on the global gradient L2 norm; 0 disables clipping.")
    private float gradClip = 5f;
    @Config(description = "Zero padding in pixels of a random crop of each training image (images only; the reference's "
            + "CIFAR pipeline uses 4); 0 turns it off.")
    private int randomCropPadding = 0;
    @Config(description = "Flip each training image left to right with probability 1/2 (images only).")
    private boolean horizontalFlip = false;

    /** The reference final training. */
    public FinalTraining() {}

    /**
     * A builder starting from the reference.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
    }

    private void validate() {
        SettingChecks.positive("epochs", epochs);
        SettingChecks.positive("batchSize", batchSize);
        SettingChecks.nonNegative("examples", examples);
        if (examples > 0 && batchSize > examples) {
            throw new InvalidSettingException("batchSize", batchSize + " exceeds examples (" + examples
                    + "): no final-training step would have a full batch");
        }
        sgd();
        if (learningRateMin > learningRate) {
            throw new InvalidSettingException("learningRateMin", "must not exceed learningRate (" + learningRate
                    + "), got " + learningRateMin);
        }
        SettingChecks.nonNegative("randomCropPadding", randomCropPadding);
    }

    /**
     * Checks a step has a full batch of the examples available.
     * @param examplesAvailable The training examples.
     * @throws IllegalArgumentException if there is not one full batch.
     */
    public void checkFits(int examplesAvailable) {
        if (batchSize > examplesAvailable) {
            throw new IllegalArgumentException("final-training batchSize " + batchSize + " exceeds the "
                    + examplesAvailable + " training examples");
        }
    }

    /**
     * Checks the augmentation suits the training images.
     * @param shape The shape of the training images.
     * @throws InvalidSettingException if the random crop's padding is not smaller than the height and the width.
     */
    public void checkFits(ImageShape shape) {
        if (randomCropPadding > 0 && randomCropPadding >= Math.min(shape.height(), shape.width())) {
            throw new InvalidSettingException("randomCropPadding", randomCropPadding + " must be smaller than the "
                    + "training images' height and width (" + shape.height() + "x" + shape.width() + ")");
        }
    }

    /**
     * Whether the training images are cropped or flipped.
     * @return True if random crop or horizontal flip is on.
     */
    public boolean augmentsImages() {
        return randomCropPadding > 0 || horizontalFlip;
    }

    /**
     * The settings of one final training of a space's network.
     * @param space The search space (network sizes and regularization).
     * @param seed The run's final-training seed.
     * @param device The device setting.
     * @return The configuration.
     */
    public FinalTrainingConfig config(SearchSpace space, long seed, String device) {
        return FinalTrainingConfig.of(space, this, seed, device);
    }

    /**
     * The SGD of the network's weights; the cosine period is the epochs.
     * @return Learning rates, momentum, weight decay and gradient bound.
     */
    public SgdSettings sgd() {
        return new SgdSettings(learningRate, learningRateMin, momentum, weightDecay, gradClip);
    }

    /** @return The epochs. */
    public int epochs() {
        return epochs;
    }

    /** @return The minibatch size. */
    public int batchSize() {
        return batchSize;
    }

    /** @return The examples used, 0 for all. */
    public int examples() {
        return examples;
    }

    /** @return The random crop's zero padding in pixels, 0 for none. */
    public int randomCropPadding() {
        return randomCropPadding;
    }

    /** @return Whether training images are flipped horizontally at random. */
    public boolean horizontalFlip() {
        return horizontalFlip;
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "final-training");
    }

    @Override
    public String toString() {
        return "FinalTraining(" + epochs + " epochs, batch " + batchSize + (examples > 0 ? ", " + examples + " examples" : "")
                + ", lr " + learningRate
                + (randomCropPadding > 0 ? ", crop pad " + randomCropPadding : "") + (horizontalFlip ? ", flip" : "") + ")";
    }

    /**
     * Builds a {@link FinalTraining}; unset values keep the reference.
     */
    public static final class Builder {
        private final FinalTraining f = new FinalTraining();

        private Builder() {}

        /** @param v Epochs. @return this */
        public Builder epochs(int v) { f.epochs = v; return this; }
        /** @param v Minibatch size. @return this */
        public Builder batchSize(int v) { f.batchSize = v; return this; }
        /** @param v Examples used (0 = all). @return this */
        public Builder examples(int v) { f.examples = v; return this; }
        /** @param lr Initial rate. @param min Final rate. @return this */
        public Builder learningRate(float lr, float min) { f.learningRate = lr; f.learningRateMin = min; return this; }
        /** @param v SGD momentum. @return this */
        public Builder momentum(float v) { f.momentum = v; return this; }
        /** @param v SGD weight decay. @return this */
        public Builder weightDecay(float v) { f.weightDecay = v; return this; }
        /** @param v Gradient-norm bound (0 = off). @return this */
        public Builder gradClip(float v) { f.gradClip = v; return this; }
        /** @param v Random-crop zero padding in pixels (0 = off). @return this */
        public Builder randomCropPadding(int v) { f.randomCropPadding = v; return this; }
        /** @param v Whether to flip training images horizontally at random. @return this */
        public Builder horizontalFlip(boolean v) { f.horizontalFlip = v; return this; }

        /**
         * Validates and builds.
         * @return The final training.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public FinalTraining build() {
            FinalTraining out = new FinalTraining();
            out.epochs = f.epochs;
            out.batchSize = f.batchSize;
            out.examples = f.examples;
            out.learningRate = f.learningRate;
            out.learningRateMin = f.learningRateMin;
            out.momentum = f.momentum;
            out.weightDecay = f.weightDecay;
            out.gradClip = f.gradClip;
            out.randomCropPadding = f.randomCropPadding;
            out.horizontalFlip = f.horizontalFlip;
            out.validate();
            return out;
        }
    }
}
