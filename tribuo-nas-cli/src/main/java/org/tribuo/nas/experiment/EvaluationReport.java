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

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.util.Locale;

/**
 * Evaluates a model on a dataset with Tribuo's {@link LabelEvaluator} and formats the result:
 * accuracy, Tribuo's per-class table and the confusion matrix.
 */
public final class EvaluationReport {

    private final String dataName;
    private final LabelEvaluation evaluation;

    private EvaluationReport(String dataName, LabelEvaluation evaluation) {
        this.dataName = dataName;
        this.evaluation = evaluation;
    }

    /**
     * Evaluates a model.
     * @param model The model.
     * @param data The labelled data.
     * @param dataName What the data is, for the heading.
     * @return The report.
     */
    public static EvaluationReport evaluate(Model<Label> model, Dataset<Label> data, String dataName) {
        return new EvaluationReport(dataName, new LabelEvaluator().evaluate(model, data));
    }

    /**
     * Refuses test data with labels the model was not trained on: the model can never predict
     * them, so an evaluation would quietly count them as errors.
     * @param trainedLabels The labels the model knows.
     * @param data The labelled test data.
     * @param dataName What the data is, for the message.
     * @throws IllegalArgumentException naming the unseen labels and how many examples carry them.
     */
    public static void checkLabelsKnown(java.util.Set<Label> trainedLabels, Dataset<Label> data, String dataName) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (Label l : trainedLabels) {
            known.add(l.getLabel());
        }
        java.util.Map<String, Integer> unseen = new java.util.TreeMap<>();
        for (org.tribuo.Example<Label> e : data) {
            String label = e.getOutput().getLabel();
            if (!known.contains(label)) {
                unseen.merge(label, 1, Integer::sum);
            }
        }
        if (!unseen.isEmpty()) {
            throw new IllegalArgumentException(dataName + " has labels never seen in training (label=examples): " + unseen
                    + "; the model knows only " + new java.util.TreeSet<>(known) + " and can never predict them. "
                    + "Remove those examples or train with them");
        }
    }

    /**
     * The evaluation.
     * @return Tribuo's evaluation.
     */
    public LabelEvaluation evaluation() {
        return evaluation;
    }

    /**
     * The formatted report.
     * @return Heading with accuracy, per-class table and confusion matrix.
     */
    public String text() {
        return String.format(Locale.ROOT, "Evaluation on %s (%d examples): accuracy %.4f%n%n%s%n%nConfusion matrix:%n%s%n",
                dataName, evaluation.getPredictions().size(), evaluation.accuracy(), evaluation.toString().trim(),
                evaluation.getConfusionMatrix().toString().stripTrailing());
    }
}
