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

package org.tribuo.nas.examples;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The plain Tribuo baseline of the tabular space: logistic regression (Tribuo's SGD trainer,
 * AdaGrad, 5 epochs, seed 12345) on features standardized with training statistics, on the same
 * train/test CSVs as {@code examples/config/methods/tabular-*.xml}. Prints the test accuracy.
 * <pre>
 *   scripts/fetch-sklearn-csv.sh
 *   java ... org.tribuo.nas.examples.TabularBaseline data/sklearn/wine-train.csv data/sklearn/wine-test.csv
 * </pre>
 */
public final class TabularBaseline {

    private TabularBaseline() {}

    /**
     * Trains and evaluates.
     * @param args The train CSV and the test CSV (header f00..fNN,label).
     * @throws Exception If a file cannot be read.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TabularBaseline TRAIN.csv TEST.csv");
            System.exit(2);
        }
        CSVLoader<Label> loader = new CSVLoader<>(new LabelFactory());
        MutableDataset<Label> train = new MutableDataset<>(loader.loadDataSource(Path.of(args[0]), "label"));
        MutableDataset<Label> test = new MutableDataset<>(loader.loadDataSource(Path.of(args[1]), "label"));
        TransformTrainer<Label> trainer = new TransformTrainer<>(new LogisticRegressionTrainer(),
                new TransformationMap(List.of(new MeanStdDevTransformation())), true);
        long start = System.nanoTime();
        Model<Label> model = trainer.train(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = new LabelEvaluator().evaluate(model, test).accuracy();
        System.out.printf(Locale.ROOT, "logistic regression (standardized): %d train, %d test, accuracy %.4f, %.2f s%n",
                train.size(), test.size(), accuracy, seconds);
    }
}
