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

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableIDInfo;
import org.tribuo.VariableInfo;

import java.util.Arrays;
import java.util.Objects;

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
public final class TabularTensorizer extends AbstractExampleTensorizer {

    private final ImmutableFeatureMap featureMap;

    /**
     * Creates a tensorizer whose columns are the feature ids of the map.
     *
     * @param featureMap The feature id mapping, usually the training set's {@code getFeatureIDMap()}.
     * @throws IllegalArgumentException If the map is empty or its ids are not exactly {@code 0 .. size-1}.
     */
    public TabularTensorizer(ImmutableFeatureMap featureMap) {
        super(new ImageShape(checkedSize(featureMap), 1, 1));
        this.featureMap = featureMap;
    }

    /** The number of features of a map whose ids are exactly 0 .. size-1. */
    private static int checkedSize(ImmutableFeatureMap featureMap) {
        Objects.requireNonNull(featureMap, "featureMap");
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
        return n;
    }

    /**
     * The number of features (columns).
     *
     * @return The feature count.
     */
    public int numFeatures() {
        return shape().channels();
    }

    /**
     * The feature id mapping that gives the columns.
     *
     * @return The feature map.
     */
    public ImmutableFeatureMap featureMap() {
        return featureMap;
    }

    @Override
    protected String describe(int count) {
        return count + " examples of " + numFeatures() + " features";
    }

    /**
     * {@inheritDoc}
     * <p>
     * Features the map does not know are ignored; a value that is not finite or beyond the float
     * range is an error.
     */
    @Override
    protected void fill(Example<?> example, float[] dest, int offset, int exampleIndex) {
        Arrays.fill(dest, offset, offset + shape().pixels(), 0.0f);
        for (Feature feature : example) {
            int id = featureMap.getID(feature.getName());
            if (id < 0) {
                continue;
            }
            double value = feature.getValue();
            float f = (float) value;
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("feature '" + feature.getName() + "' of "
                        + exampleName(exampleIndex)
                        + (Double.isFinite(value) ? " has value " + value + ", outside the float range" : " has non-finite value " + value));
            }
            dest[offset + id] = f;
        }
    }

    @Override
    public int[] featureIdAtPosition(ImmutableFeatureMap featureMap) {
        int[] ids = new int[shape().pixels()];
        Arrays.fill(ids, -1);
        for (VariableInfo info : featureMap) {
            int id = ((VariableIDInfo) info).getID();
            if (id < ids.length) {
                ids[id] = id;
            }
        }
        return ids;
    }
}
