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

package org.tribuo.nas;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.data.ExampleTensorizer;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.train.TrainedNetwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Tribuo examples into predictions of a {@link GaeaModel}'s network, a batch at a time:
 * known features are placed, unknown ones ignored and counted (as Tribuo's models do), and each
 * example gets its class probabilities.
 */
final class BatchPredictor {

    private final TrainedNetwork network;
    private final ExampleTensorizer tensorizer;
    private final ImmutableFeatureMap features;
    private final ImmutableOutputInfo<Label> labels;
    private final int batchSize;

    BatchPredictor(TrainedNetwork network, ExampleTensorizer tensorizer, ImmutableFeatureMap features,
                   ImmutableOutputInfo<Label> labels, int batchSize) {
        this.network = network;
        this.tensorizer = tensorizer;
        this.features = features;
        this.labels = labels;
        this.batchSize = batchSize;
    }

    /**
     * Predicts every example, in order.
     * @param examples The examples.
     * @return One prediction per example.
     * @throws IllegalArgumentException If an example has features but none the model knows.
     */
    List<Prediction<Label>> predict(Iterable<Example<Label>> examples) {
        List<Prediction<Label>> out = new ArrayList<>();
        List<Example<Label>> batch = new ArrayList<>(batchSize);
        for (Example<Label> e : examples) {
            batch.add(e);
            if (batch.size() == batchSize) {
                out.addAll(predictBatch(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            out.addAll(predictBatch(batch));
        }
        return out;
    }

    private List<Prediction<Label>> predictBatch(List<Example<Label>> batch) {
        ImageShape shape = network.shape();
        float[] pixels = new float[batch.size() * shape.pixels()];
        int[] used = new int[batch.size()];
        int[] unlabelled = new int[batch.size()];
        Arrays.fill(unlabelled, -1);
        for (int i = 0; i < batch.size(); i++) {
            Example<Label> known = knownFeatures(batch.get(i), i);
            used[i] = known.size();
            tensorizer.tensorizeInto(known, pixels, i * shape.pixels());
        }
        float[][] probabilities;
        synchronized (network) {
            probabilities = network.predictProbabilities(new ImageData(shape, pixels, unlabelled));
        }
        List<Prediction<Label>> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Map<String, Label> scores = new HashMap<>();
            Label best = null;
            for (int k = 0; k < probabilities[i].length; k++) {
                String name = labels.getOutput(k).getLabel();
                Label scored = new Label(name, probabilities[i][k]);
                scores.put(name, scored);
                if (best == null || scored.getScore() > best.getScore()) {
                    best = scored;
                }
            }
            out.add(new Prediction<>(best, scores, used[i], batch.get(i), true));
        }
        return out;
    }

    /** The example without the features outside the model's domain. */
    private Example<Label> knownFeatures(Example<Label> example, int index) {
        String[] names = new String[example.size()];
        double[] values = new double[example.size()];
        int n = 0;
        for (Feature f : example) {
            if (features.get(f.getName()) != null) {
                names[n] = f.getName();
                values[n++] = f.getValue();
            }
        }
        if (n == 0 && example.size() > 0) {
            throw new IllegalArgumentException("example " + index + " of the batch has no feature in common with the model's "
                    + features.size() + " features");
        }
        return n == example.size() ? example
                : new ArrayExample<>(example.getOutput(), Arrays.copyOf(names, n), Arrays.copyOf(values, n));
    }
}
