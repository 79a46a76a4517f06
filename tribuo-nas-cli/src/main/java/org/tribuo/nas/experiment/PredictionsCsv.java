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

package org.tribuo.nas.experiment;

import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-example predictions as CSV: the example's index, its true label, the predicted label and
 * the score of every label (columns sorted by label name; scores printed exactly, so two files are
 * equal only if every prediction is bit-identical).
 */
public final class PredictionsCsv {

    private PredictionsCsv() {}

    /**
     * Formats predictions.
     * @param predictions Predictions in example order.
     * @return The CSV text with a header line.
     */
    public static String format(List<Prediction<Label>> predictions) {
        StringBuilder csv = new StringBuilder("index,true_label,predicted_label");
        if (predictions.isEmpty()) {
            return csv.append('\n').toString();
        }
        Map<String, Label> firstScores = new TreeMap<>(predictions.get(0).getOutputScores());
        for (String name : firstScores.keySet()) {
            csv.append(",score_").append(quote(name));
        }
        csv.append('\n');
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Label> p = predictions.get(i);
            csv.append(i).append(',').append(quote(p.getExample().getOutput().getLabel())).append(',')
                    .append(quote(p.getOutput().getLabel()));
            Map<String, Label> scores = p.getOutputScores();
            for (String name : firstScores.keySet()) {
                csv.append(',').append(Double.toString(scores.get(name).getScore()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
