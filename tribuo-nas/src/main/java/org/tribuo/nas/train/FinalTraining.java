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
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.loop.SgdSchedule;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

/**
 * The training of the found network from scratch: epochs, batches, the examples it uses, SGD
 * with a cosine learning rate, and the random crop and flip of the training images (the
 * reference's CIFAR augmentation, off by default). A configurable component of the trainer. The
 * network's sizes and the regularization that depends on it (auxiliary head, drop-path, cutout)
 * belong to the search space.
 */
public final class FinalTraining extends SgdSchedule {

    @Config(description = "Zero padding in pixels of a random crop of each training image (images only; the reference's "
            + "CIFAR pipeline uses 4); 0 turns it off.")
    private int randomCropPadding = 0;
    @Config(description = "Flip each training image left to right with probability 1/2 (images only).")
    private boolean horizontalFlip = false;

    /** The reference final training: 10 epochs of batch 96, learning rate 0.025 → 0. */
    public FinalTraining() {
        super(10, 96, 0f);
    }

    /**
     * A builder starting from the reference.
     * @return The builder.
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void validate() {
        checkSgdSchedule();
        if (examples() > 0 && batchSize() > examples()) {
            throw new InvalidSettingException("batchSize", batchSize() + " exceeds examples (" + examples()
                    + "): no final-training step would have a full batch");
        }
        if (sgd().learningRateMin() > sgd().learningRate()) {
            throw new InvalidSettingException("learningRateMin", "must not exceed learningRate (" + sgd().learningRate()
                    + "), got " + sgd().learningRateMin());
        }
        SettingChecks.nonNegative("randomCropPadding", randomCropPadding);
    }

    /**
     * Checks a step has a full batch of the examples available.
     * @param examplesAvailable The training examples.
     * @throws IllegalArgumentException if there is not one full batch.
     */
    public void checkFits(int examplesAvailable) {
        if (batchSize() > examplesAvailable) {
            throw new IllegalArgumentException("final-training batchSize " + batchSize() + " exceeds the "
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
        return "FinalTraining(" + epochs() + " epochs, batch " + batchSize() + (examples() > 0 ? ", " + examples() + " examples" : "")
                + ", lr " + sgd().learningRate()
                + (randomCropPadding > 0 ? ", crop pad " + randomCropPadding : "") + (horizontalFlip ? ", flip" : "") + ")";
    }

    /**
     * Builds a {@link FinalTraining}; unset values keep the reference.
     */
    public static final class Builder extends SgdSchedule.Builder<Builder> {
        private int randomCropPadding = 0;
        private boolean horizontalFlip = false;

        private Builder() {
            super(new FinalTraining());
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** @param v Random-crop zero padding in pixels (0 = off). @return this */
        public Builder randomCropPadding(int v) { randomCropPadding = v; return this; }
        /** @param v Whether to flip training images horizontally at random. @return this */
        public Builder horizontalFlip(boolean v) { horizontalFlip = v; return this; }

        /**
         * Validates and builds.
         * @return The final training.
         * @throws IllegalArgumentException naming the first invalid setting.
         */
        public FinalTraining build() {
            FinalTraining out = new FinalTraining();
            applyTo(out);
            out.randomCropPadding = randomCropPadding;
            out.horizontalFlip = horizontalFlip;
            out.validate();
            return out;
        }
    }
}
