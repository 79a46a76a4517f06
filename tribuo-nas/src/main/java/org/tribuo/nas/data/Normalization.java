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

package org.tribuo.nas.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-channel standardization of images: {@code x -> (x - mean[c]) / std[c]}.
 * <p>
 * Immutable. Fit it on the training data with {@link #fit(ImageData)} and apply the same
 * statistics to every other split and at prediction time.
 */
public final class Normalization implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger logger = Logger.getLogger(Normalization.class.getName());

    /** The smallest standard deviation {@link #fit(ImageData)} returns, so constant channels stay finite. */
    public static final double MIN_STD = 1e-6;

    private final ImageShape shape;
    private final float[] means;
    private final float[] stds;

    /**
     * Creates a normalization from given statistics.
     *
     * @param shape The image shape it applies to; its channel count must match the statistics.
     * @param means The mean of each channel, finite.
     * @param stds  The standard deviation of each channel, finite and positive.
     * @throws IllegalArgumentException If the lengths do not match the channel count, a mean is not
     *                                  finite or a std is not finite and positive.
     */
    public Normalization(ImageShape shape, float[] means, float[] stds) {
        this.shape = Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(stds, "stds");
        int c = shape.channels();
        if (means.length != c || stds.length != c) {
            throw new IllegalArgumentException("image shape " + shape + " has " + c + " channels but got "
                    + means.length + " means and " + stds.length + " stds");
        }
        for (int i = 0; i < c; i++) {
            if (!Float.isFinite(means[i])) {
                throw new IllegalArgumentException("mean of channel " + i + " is not finite: " + means[i]);
            }
            if (!Float.isFinite(stds[i]) || stds[i] <= 0) {
                throw new IllegalArgumentException("std of channel " + i + " must be finite and positive, found "
                        + stds[i]);
            }
        }
        this.means = means.clone();
        this.stds = stds.clone();
    }

    /**
     * Computes the per-channel mean and (population) standard deviation of the data, in double
     * precision, flooring the std at {@link #MIN_STD}.
     *
     * @param train The training images.
     * @return The fitted normalization.
     * @throws IllegalArgumentException If the data is empty or contains a non-finite value.
     */
    public static Normalization fit(ImageData train) {
        Objects.requireNonNull(train, "train");
        int n = train.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a normalization on empty data");
        }
        ImageShape shape = train.shape();
        int c = shape.channels();
        int plane = shape.planeSize();
        int p = shape.pixels();
        float[] pixels = train.pixels();
        double count = (double) n * plane;
        float[] means = new float[c];
        float[] stds = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int img = 0; img < n; img++) {
                int start = img * p + ch * plane;
                for (int k = start; k < start + plane; k++) {
                    sum += pixels[k];
                }
            }
            double mean = sum / count;
            // Second pass: numerically stable variance.
            double sq = 0;
            for (int img = 0; img < n; img++) {
                int start = img * p + ch * plane;
                for (int k = start; k < start + plane; k++) {
                    double d = pixels[k] - mean;
                    sq += d * d;
                }
            }
            double std = Math.max(Math.sqrt(sq / count), MIN_STD);
            if (!Double.isFinite(mean) || !Double.isFinite(std)) {
                throw new IllegalArgumentException("channel " + ch + " contains non-finite values");
            }
            means[ch] = (float) mean;
            stds[ch] = (float) std;
        }
        Normalization norm = new Normalization(shape, means, stds);
        logger.log(Level.FINE, () -> "fitted " + norm + " on " + n + " images");
        return norm;
    }

    /**
     * Normalizes {@code count} whole images in place, starting at float {@code offset} of {@code pixels}.
     *
     * @param pixels The image values, channel-major, {@link #shape()} per image.
     * @param offset The float offset of the first image.
     * @param count  The number of images.
     * @throws IndexOutOfBoundsException If the images do not fit in the array.
     */
    public void applyInPlace(float[] pixels, int offset, int count) {
        Objects.requireNonNull(pixels, "pixels");
        int p = shape.pixels();
        if (offset < 0 || count < 0 || (long) offset + (long) count * p > pixels.length) {
            throw new IndexOutOfBoundsException(count + " images of shape " + shape + " at offset " + offset
                    + " do not fit in an array of " + pixels.length);
        }
        int plane = shape.planeSize();
        int c = shape.channels();
        for (int img = 0; img < count; img++) {
            int base = offset + img * p;
            for (int ch = 0; ch < c; ch++) {
                float mean = means[ch];
                float std = stds[ch];
                int start = base + ch * plane;
                for (int k = start; k < start + plane; k++) {
                    pixels[k] = (pixels[k] - mean) / std;
                }
            }
        }
    }

    /**
     * The image shape this normalization applies to.
     *
     * @return The image shape.
     */
    public ImageShape shape() {
        return shape;
    }

    /**
     * The per-channel means.
     *
     * @return A copy of the means.
     */
    public float[] means() {
        return means.clone();
    }

    /**
     * The per-channel standard deviations.
     *
     * @return A copy of the standard deviations.
     */
    public float[] stds() {
        return stds.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Normalization)) {
            return false;
        }
        Normalization other = (Normalization) o;
        return shape.equals(other.shape) && Arrays.equals(means, other.means) && Arrays.equals(stds, other.stds);
    }

    @Override
    public int hashCode() {
        return (shape.hashCode() * 31 + Arrays.hashCode(means)) * 31 + Arrays.hashCode(stds);
    }

    @Override
    public String toString() {
        return "Normalization(shape=" + shape + ", means=" + Arrays.toString(means)
                + ", stds=" + Arrays.toString(stds) + ")";
    }
}
