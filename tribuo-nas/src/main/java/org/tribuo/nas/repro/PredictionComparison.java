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

package org.tribuo.nas.repro;

import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of comparing two lists of predictions exactly: the argmax label and the score of
 * every label must be equal (no tolerance).
 *
 * @param compared How many predictions were compared.
 * @param differing How many of them differ.
 * @param examples Descriptions of the first few differences.
 */
public record PredictionComparison(int compared, int differing, List<String> examples) {

    /** How many differences {@link #examples} describes at most. */
    public static final int MAX_EXAMPLES = 5;

    /**
     * Validates and copies the components.
     * @param compared How many predictions were compared.
     * @param differing How many differ.
     * @param examples Descriptions of the first differences.
     */
    public PredictionComparison {
        if (compared < 0 || differing < 0 || differing > compared) {
            throw new IllegalArgumentException("need 0 <= differing <= compared, got " + differing + " of " + compared);
        }
        examples = List.copyOf(examples);
    }

    /**
     * Compares two prediction lists position by position.
     * @param label What the predictions are of, used in the descriptions (e.g. "training data").
     * @param original The original model's predictions.
     * @param reproduced The reproduced model's predictions.
     * @return The comparison.
     * @throws IllegalArgumentException If the lists have different lengths.
     */
    public static PredictionComparison compare(String label, List<Prediction<Label>> original,
                                               List<Prediction<Label>> reproduced) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reproduced, "reproduced");
        if (original.size() != reproduced.size()) {
            throw new IllegalArgumentException(label + ": " + original.size() + " original predictions but "
                    + reproduced.size() + " reproduced ones");
        }
        int differing = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String difference = difference(original.get(i), reproduced.get(i));
            if (difference != null) {
                differing++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(label + " example " + i + ": " + difference);
                }
            }
        }
        return new PredictionComparison(original.size(), differing, examples);
    }

    /**
     * Adds two comparisons (e.g. training data and an extra test set).
     * @param other The other comparison.
     * @return The sum.
     */
    public PredictionComparison plus(PredictionComparison other) {
        List<String> all = new ArrayList<>(examples);
        for (String e : other.examples) {
            if (all.size() < MAX_EXAMPLES) {
                all.add(e);
            }
        }
        return new PredictionComparison(compared + other.compared, differing + other.differing, all);
    }

    private static String difference(Prediction<Label> a, Prediction<Label> b) {
        String la = a.getOutput().getLabel();
        String lb = b.getOutput().getLabel();
        if (!la.equals(lb)) {
            return "label " + la + " vs " + lb;
        }
        Map<String, Label> sa = a.getOutputScores();
        Map<String, Label> sb = b.getOutputScores();
        if (!sa.keySet().equals(sb.keySet())) {
            return "scored labels " + sa.keySet() + " vs " + sb.keySet();
        }
        for (Map.Entry<String, Label> e : sa.entrySet()) {
            double x = e.getValue().getScore();
            double y = sb.get(e.getKey()).getScore();
            if (Double.compare(x, y) != 0) {
                return String.format(Locale.ROOT, "score of %s %s vs %s", e.getKey(), x, y);
            }
        }
        return null;
    }
}
