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
import org.tribuo.classification.LabelFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How two models' predictions on the same examples compare: how many differ in label or in any
 * score (bit for bit), how many labels agree, the largest score difference, and each model's
 * accuracy on the examples whose true label is known.
 *
 * @param compared How many predictions were compared.
 * @param differing How many differ in label or in any score.
 * @param labelsAgreeing How many have the same predicted label.
 * @param maxScoreDifference The largest |score difference| over every example and label.
 * @param labelled How many examples have a known true label.
 * @param originalCorrect How many of those the original model labels right.
 * @param reproducedCorrect How many of those the reproduced model labels right.
 * @param examples Up to {@link #MAX_EXAMPLES} descriptions of differing predictions.
 */
public record PredictionComparison(int compared, int differing, int labelsAgreeing, double maxScoreDifference,
                                   int labelled, int originalCorrect, int reproducedCorrect, List<String> examples) {

    /** How many differing predictions are described. */
    public static final int MAX_EXAMPLES = 5;

    /**
     * Validates the counts and copies the examples.
     */
    public PredictionComparison {
        if (compared < 0 || differing < 0 || differing > compared || labelsAgreeing < 0 || labelsAgreeing > compared
                || labelled < 0 || labelled > compared || originalCorrect > labelled || reproducedCorrect > labelled) {
            throw new IllegalArgumentException("inconsistent counts: " + differing + " differing, " + labelsAgreeing
                    + " agreeing, " + labelled + " labelled of " + compared);
        }
        examples = List.copyOf(examples);
    }

    /**
     * Compares two lists of predictions of the same examples, in order.
     * @param label What the examples are, for the descriptions (e.g. "training data").
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
        int agreeing = 0;
        double maxDifference = 0;
        int labelled = 0;
        int originalCorrect = 0;
        int reproducedCorrect = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            Prediction<Label> a = original.get(i);
            Prediction<Label> b = reproduced.get(i);
            String difference = difference(a, b);
            if (difference != null) {
                differing++;
                if (examples.size() < MAX_EXAMPLES) {
                    examples.add(label + " example " + i + ": " + difference);
                }
            }
            String la = a.getOutput().getLabel();
            String lb = b.getOutput().getLabel();
            agreeing += la.equals(lb) ? 1 : 0;
            maxDifference = Math.max(maxDifference, maxScoreDifference(a, b));
            Label truth = a.getExample().getOutput();
            if (truth != null && !LabelFactory.UNKNOWN_LABEL.equals(truth)) {
                labelled++;
                originalCorrect += truth.getLabel().equals(la) ? 1 : 0;
                reproducedCorrect += truth.getLabel().equals(lb) ? 1 : 0;
            }
        }
        return new PredictionComparison(original.size(), differing, agreeing, maxDifference, labelled, originalCorrect,
                reproducedCorrect, examples);
    }

    /**
     * Both comparisons together.
     * @param other Another comparison.
     * @return The sum.
     */
    public PredictionComparison plus(PredictionComparison other) {
        List<String> all = new ArrayList<>(examples);
        for (String e : other.examples) {
            if (all.size() < MAX_EXAMPLES) {
                all.add(e);
            }
        }
        return new PredictionComparison(compared + other.compared, differing + other.differing,
                labelsAgreeing + other.labelsAgreeing, Math.max(maxScoreDifference, other.maxScoreDifference),
                labelled + other.labelled, originalCorrect + other.originalCorrect,
                reproducedCorrect + other.reproducedCorrect, all);
    }

    /**
     * The share of examples whose predicted labels agree.
     * @return In [0, 1]; 1 when nothing was compared.
     */
    public double labelAgreement() {
        return compared == 0 ? 1 : labelsAgreeing / (double) compared;
    }

    /**
     * The reproduced model's accuracy minus the original's, on the labelled examples.
     * @return The difference; 0 without labelled examples.
     */
    public double accuracyDifference() {
        return labelled == 0 ? 0 : (reproducedCorrect - originalCorrect) / (double) labelled;
    }

    private static double maxScoreDifference(Prediction<Label> a, Prediction<Label> b) {
        double max = 0;
        for (Map.Entry<String, Label> e : a.getOutputScores().entrySet()) {
            Label other = b.getOutputScores().get(e.getKey());
            if (other != null) {
                max = Math.max(max, Math.abs(e.getValue().getScore() - other.getScore()));
            }
        }
        return max;
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
