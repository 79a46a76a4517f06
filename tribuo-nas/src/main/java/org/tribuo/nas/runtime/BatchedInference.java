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

package org.tribuo.nas.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;

import java.util.function.Function;

/**
 * Runs a network over a data set in inference mode (batch norms use their running statistics),
 * batch by batch, each batch in its own memory scope.
 */
public final class BatchedInference {

    private BatchedInference() {}

    /**
     * Class probabilities for every image.
     * @param network The network; its output is [batch, numClasses] logits.
     * @param manager A manager on the network's device; a sub-manager is used per batch.
     * @param data The images.
     * @param norm The input normalization.
     * @param batchSize The inference batch size.
     * @param extraInputs Makes any extra network inputs (the architecture matrix) in a batch's manager; may be null.
     * @return [n][numClasses] softmax probabilities.
     */
    public static float[][] probabilities(Block network, NDManager manager, ImageData data, Normalization norm,
                                          int batchSize, Function<NDManager, NDList> extraInputs) {
        return probabilities(network, manager, data, norm, batchSize, extraInputs, null);
    }

    /**
     * Class probabilities of every example, in batches, with params carried by every forward call
     * (e.g. a supernet's op selection).
     * @param network The network.
     * @param manager The manager batches are created under.
     * @param data The examples.
     * @param norm Input normalization, or null.
     * @param batchSize Examples per forward pass.
     * @param extraInputs Inputs after the images (e.g. α), made per batch; may be null.
     * @param params The params of every forward call; may be null.
     * @return [n][classes].
     */
    public static float[][] probabilities(Block network, NDManager manager, ImageData data, Normalization norm,
                                          int batchSize, Function<NDManager, NDList> extraInputs,
                                          PairList<String, Object> params) {
        float[][] out = new float[data.size()][];
        for (int start = 0; start < data.size(); start += batchSize) {
            int end = Math.min(data.size(), start + batchSize);
            int[] indices = new int[end - start];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            try (NDManager batch = manager.newSubManager()) {
                NDList inputs = new NDList(BatchFactory.images(batch, data, indices, norm));
                if (extraInputs != null) {
                    inputs.addAll(extraInputs.apply(batch));
                }
                NDArray probs = network.forward(new ParameterStore(batch, false), inputs, false, params)
                        .singletonOrThrow().softmax(1);
                int classes = (int) probs.getShape().get(1);
                float[] flat = probs.toFloatArray();
                for (int i = 0; i < indices.length; i++) {
                    out[start + i] = new float[classes];
                    System.arraycopy(flat, i * classes, out[start + i], 0, classes);
                }
            }
        }
        return out;
    }

    /**
     * The index of the largest entry of each row.
     * @param probabilities [n][classes].
     * @return The predicted class ids.
     */
    public static int[] argmax(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Fraction of predictions equal to the labels.
     * @param predicted Predicted class ids.
     * @param labels True class ids.
     * @return The accuracy in [0, 1].
     */
    public static double accuracy(int[] predicted, int[] labels) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return predicted.length == 0 ? 0 : correct / (double) predicted.length;
    }
}
