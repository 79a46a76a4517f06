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

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.VariableInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Feature;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Converts Tribuo examples into dense channel-major (C,H,W) float images.
 * <p>
 * A pixel's position comes from its feature <em>name</em>, read as a non-negative decimal flat
 * index {@code i} (leading zeros allowed, as in {@link org.tribuo.datasource.IDXDataSource}'s
 * {@code "000".."783"}), which is placed at row-major CHW position {@code i}. Feature ids from an
 * {@link org.tribuo.ImmutableFeatureMap} are never used: Tribuo drops zero-valued features and
 * compacts the ids, so they do not give positions. Pixels with no feature are zero.
 * <p>
 * Values are copied as given (no scaling). Thread safe (stateless apart from the shape).
 */
public final class ImageTensorizer implements ExampleTensorizer {
    private static final Logger logger = Logger.getLogger(ImageTensorizer.class.getName());

    private final ImageShape shape;

    /**
     * Creates a tensorizer for images of the given shape.
     *
     * @param shape The image shape.
     */
    public ImageTensorizer(ImageShape shape) {
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /**
     * The image shape this tensorizer produces.
     *
     * @return The image shape.
     */
    @Override
    public ImageShape shape() {
        return shape;
    }

    /**
     * Converts a whole dataset, in iteration order, into images and label ids.
     * <p>
     * Labels become {@code labelIds.getID(label)}. Tribuo's unknown label
     * ({@link LabelFactory#UNKNOWN_LABEL}) becomes {@link ImageData#UNKNOWN_LABEL}; any other label
     * that {@code labelIds} does not know is an error.
     *
     * @param dataset  The dataset.
     * @param labelIds The label id mapping, usually the training set's {@code getOutputIDInfo()}.
     * @return The images and labels.
     * @throws IllegalArgumentException If the dataset is empty, too large for one array, or an
     *                                  example has a bad feature or an unknown label.
     */
    @Override
    public ImageData tensorize(Dataset<Label> dataset, ImmutableOutputInfo<Label> labelIds) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(labelIds, "labelIds");
        int n = dataset.size();
        if (n == 0) {
            throw new IllegalArgumentException("dataset is empty");
        }
        int p = shape.pixels();
        if ((long) n * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("dataset of " + n + " images of shape " + shape
                    + " does not fit in one float array");
        }
        float[] pixels = new float[n * p];
        int[] labels = new int[n];
        int i = 0;
        for (Example<Label> example : dataset) {
            if (i == n) {
                throw new IllegalStateException("dataset yielded more than its size() of " + n + " examples");
            }
            labels[i] = labelId(example.getOutput(), labelIds, i);
            fill(example, pixels, i * p, i);
            i++;
        }
        if (i != n) {
            throw new IllegalStateException("dataset yielded " + i + " examples but its size() is " + n);
        }
        logger.log(Level.FINE, () -> "tensorized " + n + " examples of shape " + shape);
        return new ImageData(shape, pixels, labels);
    }

    /**
     * Converts one example (typically at prediction time) into a new image array. The output is ignored.
     *
     * @param example The example.
     * @return A new array of {@code shape().pixels()} values.
     * @throws IllegalArgumentException If a feature name is not a pixel index or a value is not finite.
     */
    public float[] tensorize(Example<Label> example) {
        float[] dest = new float[shape.pixels()];
        tensorizeInto(example, dest, 0);
        return dest;
    }

    /**
     * Writes one example's image into {@code dest[offset .. offset + shape().pixels())}, zeroing the
     * pixels it does not mention. The output is ignored.
     *
     * @param example The example.
     * @param dest    The destination array.
     * @param offset  The float offset of the image in {@code dest}.
     * @throws IllegalArgumentException  If a feature name is not a pixel index or a value is not finite.
     * @throws IndexOutOfBoundsException If the image does not fit in {@code dest} at {@code offset}.
     */
    @Override
    public void tensorizeInto(Example<Label> example, float[] dest, int offset) {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(dest, "dest");
        Objects.checkFromIndexSize(offset, shape.pixels(), dest.length);
        fill(example, dest, offset, -1);
    }

    private static int labelId(Label label, ImmutableOutputInfo<Label> labelIds, int exampleIndex) {
        if (label == null || LabelFactory.UNKNOWN_LABEL.getLabel().equals(label.getLabel())) {
            return ImageData.UNKNOWN_LABEL;
        }
        int id = labelIds.getID(label);
        if (id < 0) {
            throw new IllegalArgumentException("label '" + label.getLabel() + "' of example " + exampleIndex
                    + " is not in the label id mapping (known labels: " + labelIds.getDomain() + ")");
        }
        return id;
    }

    /**
     * Writes an example into dest at offset; exampleIndex is only used in error messages (-1: none).
     */
    private void fill(Example<?> example, float[] dest, int offset, int exampleIndex) {
        int p = shape.pixels();
        Arrays.fill(dest, offset, offset + p, 0.0f);
        for (Feature feature : example) {
            String name = feature.getName();
            long index = parseIndex(name);
            if (index < 0) {
                throw new IllegalArgumentException("feature '" + name + "' of " + describe(exampleIndex)
                        + " is not a pixel index (expected an integer in [0, " + p + ") for image shape "
                        + shape + ")");
            }
            if (index >= p) {
                throw new IllegalArgumentException("feature '" + name + "' of " + describe(exampleIndex)
                        + " has pixel index " + index + ", outside [0, " + p + ") for image shape " + shape);
            }
            double value = feature.getValue();
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("feature '" + name + "' of " + describe(exampleIndex)
                        + " has non-finite value " + value);
            }
            dest[offset + (int) index] = (float) value;
        }
    }

    private static String describe(int exampleIndex) {
        return exampleIndex >= 0 ? "example " + exampleIndex : "the example";
    }

    /**
     * Parses a non-negative decimal integer made only of ASCII digits.
     *
     * @return The value (saturated at {@link Long#MAX_VALUE}), or -1 if the name is not such an integer.
     */
    /**
     * The flat pixel index a feature name stands for, as IDXDataSource names pixels.
     * @param name The feature name.
     * @return The index, or -1 when the name is not a non-negative integer.
     */
    public static long pixelIndex(String name) {
        return parseIndex(name);
    }

    private static long parseIndex(String name) {
        if (name == null || name.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (value < Long.MAX_VALUE / 10) {
                value = value * 10 + (c - '0');
            } else {
                value = Long.MAX_VALUE;
            }
        }
        return value;
    }

    @Override
    public int[] featureIdAtPosition(ImmutableFeatureMap featureMap) {
        int[] ids = new int[shape.pixels()];
        Arrays.fill(ids, -1);
        for (VariableInfo info : featureMap) {
            long index = parseIndex(info.getName());
            if (index >= 0 && index < ids.length) {
                ids[(int) index] = ((VariableIDInfo) info).getID();
            }
        }
        return ids;
    }
}
