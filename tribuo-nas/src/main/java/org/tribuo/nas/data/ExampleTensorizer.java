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
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.nas.space.InputKind;

/**
 * Turns Tribuo examples into the dense float tensors a network reads: images (pixels placed by
 * the index in the feature name) or feature vectors (features placed by their id, as
 * [features, 1, 1]).
 */
public interface ExampleTensorizer {

    /**
     * The tensorizer of a loaded model, from what the model stored.
     * @param kind What the model's network reads.
     * @param shape The shape of one tensorized example.
     * @param features The model's feature map.
     * @return A {@link TabularTensorizer} for feature vectors, else an {@link ImageTensorizer}.
     */
    public static ExampleTensorizer restore(InputKind kind, ImageShape shape, ImmutableFeatureMap features) {
        return kind == InputKind.FEATURE_VECTORS ? new TabularTensorizer(features) : new ImageTensorizer(shape);
    }

    /**
     * The shape of one tensorized example.
     * @return The shape.
     */
    public ImageShape shape();

    /**
     * Tensorizes a labelled dataset.
     * @param dataset The examples.
     * @param labelIds The label ids.
     * @return The tensors and label ids.
     * @throws IllegalArgumentException naming the example and feature that do not fit.
     */
    public ImageData tensorize(Dataset<Label> dataset, ImmutableOutputInfo<Label> labelIds);

    /**
     * Writes one example into {@code dest[offset .. offset + shape().pixels())}, zeroing what it
     * does not mention.
     * @param example The example.
     * @param dest The destination.
     * @param offset The offset of the example in {@code dest}.
     */
    public void tensorizeInto(Example<Label> example, float[] dest, int offset);

    /**
     * Where each feature of a feature map lands in a tensorized example: the inverse of
     * {@link #tensorizeInto} as a table, for graphs (ONNX) that place features themselves.
     * @param featureMap The model's features, with their ids.
     * @return For each position in {@code [0, shape().pixels())}, the id of the feature written
     *         there, or -1 where no feature lands (always zero).
     */
    public int[] featureIdAtPosition(ImmutableFeatureMap featureMap);
}
