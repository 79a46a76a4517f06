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

package org.tribuo.nas.tabular;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.nas.data.ExampleTensorizer;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;

import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Converts Tribuo examples into dense feature vectors, stored as {@link ImageData} of shape
 * {@code ImageShape(numFeatures, 1, 1)} so the tabular networks read them as
 * {@code [batch, features, 1, 1]}.
 * <p>
 * A feature's column is its id in the {@link ImmutableFeatureMap} given at construction
 * (usually the training set's {@code getFeatureIDMap()}). Features an example does not mention
 * are 0, Tribuo's sparse semantics; features the map does not know are ignored, as Tribuo models
 * ignore them. Values are copied as given: standardize them with
 * {@link org.tribuo.nas.data.Normalization#fit(ImageData)} on the training data (per feature,
 * since every feature is a channel). NaN and infinite values, and values beyond the float
 * range, are refused.
 * <p>
 * Thread safe (immutable).
 */
public final class TabularTensorizer implements ExampleTensorizer {
    private static final Logger logger = Logger.getLogger(TabularTensorizer.class.getName());

    private final ImmutableFeatureMap featureMap;
    private final ImageShape shape;

    /**
     * Creates a tensorizer whose columns are the feature ids of the map.
     *
     * @param featureMap The feature id mapping, usually the training set's {@code getFeatureIDMap()}.
     * @throws IllegalArgumentException If the map is empty or its ids are not exactly {@code 0 .. size-1}.
     */
    public TabularTensorizer(ImmutableFeatureMap featureMap) {
        this.featureMap = Objects.requireNonNull(featureMap, "featureMap");
        int n = featureMap.size();
        if (n == 0) {
            throw new IllegalArgumentException("the feature map is empty: a tabular network needs at least one feature");
        }
        boolean[] seen = new boolean[n];
        for (VariableInfo info : featureMap) {
            int id = ((VariableIDInfo) info).getID();
            if (id < 0 || id >= n || seen[id]) {
                throw new IllegalArgumentException("feature '" + info.getName() + "' has id " + id
                        + "; the ids of a feature map of " + n + " features must be 0.." + (n - 1) + ", each once");
            }
            seen[id] = true;
        }
        this.shape = new ImageShape(n, 1, 1);
    }

    /**
     * The shape of one example, {@code ImageShape(numFeatures, 1, 1)}.
     *
     * @return The shape.
     */
    @Override
    public ImageShape shape() {
        return shape;
    }

    /**
     * The number of features (columns).
     *
     * @return The feature count.
     */
    public int numFeatures() {
        return shape.channels();
    }

    /**
     * The feature id mapping that gives the columns.
     *
     * @return The feature map.
     */
    public ImmutableFeatureMap featureMap() {
        return featureMap;
    }

    /**
     * Converts a whole dataset, in iteration order, into feature vectors and label ids.
     * <p>
     * Labels become {@code labelIds.getID(label)}. Tribuo's unknown label
     * ({@link LabelFactory#UNKNOWN_LABEL}) becomes {@link ImageData#UNKNOWN_LABEL}; any other label
     * that {@code labelIds} does not know is an error.
     *
     * @param dataset  The dataset.
     * @param labelIds The label id mapping, usually the training set's {@code getOutputIDInfo()}.
     * @return The feature vectors and labels.
     * @throws IllegalArgumentException If the dataset is empty, too large for one array, or an
     *                                  example has a non-finite value or an unknown label; the
     *                                  message names the feature and the example index.
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
            throw new IllegalArgumentException("dataset of " + n + " examples of " + p
                    + " features does not fit in one float array");
        }
        float[] values = new float[n * p];
        int[] labels = new int[n];
        int i = 0;
        for (Example<Label> example : dataset) {
            if (i == n) {
                throw new IllegalStateException("dataset yielded more than its size() of " + n + " examples");
            }
            labels[i] = labelId(example.getOutput(), labelIds, i);
            fill(example, values, i * p, i);
            i++;
        }
        if (i != n) {
            throw new IllegalStateException("dataset yielded " + i + " examples but its size() is " + n);
        }
        logger.log(Level.FINE, () -> "tensorized " + n + " examples of " + p + " features");
        return new ImageData(shape, values, labels);
    }

    /**
     * Converts one example (typically at prediction time) into a new array. The output is ignored.
     *
     * @param example The example.
     * @return A new array of {@link #numFeatures()} values.
     * @throws IllegalArgumentException If a known feature's value is not finite.
     */
    public float[] tensorize(Example<Label> example) {
        float[] dest = new float[shape.pixels()];
        tensorizeInto(example, dest, 0);
        return dest;
    }

    /**
     * Writes one example's feature vector into {@code dest[offset .. offset + numFeatures())},
     * zeroing the features it does not mention and ignoring features the map does not know. The
     * output is ignored.
     *
     * @param example The example.
     * @param dest    The destination array.
     * @param offset  The float offset of the vector in {@code dest}.
     * @throws IllegalArgumentException  If a known feature's value is not finite.
     * @throws IndexOutOfBoundsException If the vector does not fit in {@code dest} at {@code offset}.
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
        Arrays.fill(dest, offset, offset + shape.pixels(), 0.0f);
        for (Feature feature : example) {
            int id = featureMap.getID(feature.getName());
            if (id < 0) {
                continue;
            }
            double value = feature.getValue();
            float f = (float) value;
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("feature '" + feature.getName() + "' of "
                        + (exampleIndex >= 0 ? "example " + exampleIndex : "the example")
                        + (Double.isFinite(value) ? " has value " + value + ", outside the float range" : " has non-finite value " + value));
            }
            dest[offset + id] = f;
        }
    }

    @Override
    public int[] featureIdAtPosition(ImmutableFeatureMap featureMap) {
        int[] ids = new int[shape.pixels()];
        java.util.Arrays.fill(ids, -1);
        for (VariableInfo info : featureMap) {
            int id = ((VariableIDInfo) info).getID();
            if (id < ids.length) {
                ids[id] = id;
            }
        }
        return ids;
    }
}
