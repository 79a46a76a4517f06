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

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.ExponentiatedGradientUpdate;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * GAEA through the plain Tribuo API, without configuration files: build a {@link GaeaTrainer},
 * load Fashion-MNIST with Tribuo's {@link IDXDataSource}, call {@code train} once (architecture
 * search, then training the found cell from scratch), evaluate with Tribuo's
 * {@link LabelEvaluator}, and save the model in Tribuo's protobuf format.
 * <p>
 * The budget is the one of {@code examples/config/fashion-mnist.xml}, small enough for a 2-core
 * CPU. {@code new GaeaTrainer(space, searchEpochs, finalEpochs, seed)} gives the reference
 * settings instead. The saved model works with {@code bin/tribuo-nas describe} and
 * {@code reproduce}. Usage: {@code TrainWithTribuoApi [DATA_DIR [MODEL_FILE]]}, by default
 * {@code /usr/share/datasets/fashion-mnist} and {@code output/api-example/model.tribuo}.
 */
public final class TrainWithTribuoApi {

    private TrainWithTribuoApi() {}

    /**
     * Runs the example.
     * @param args Optional data folder and model file.
     * @throws IOException If the data cannot be read or the model written.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        Path data = Paths.get(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        Path modelFile = Paths.get(args.length > 1 ? args[1] : "output/api-example/model.tribuo");

        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> train = new MutableDataset<>(new IDXDataSource<>(
                data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte.gz"), labels));
        MutableDataset<Label> test = new MutableDataset<>(new IDXDataSource<>(
                data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte.gz"), labels));

        GaeaTrainer trainer = GaeaTrainer.builder()
                .space(Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .architectureUpdate(new ExponentiatedGradientUpdate())
                .search(SearchSchedule.builder().epochs(2).examples(2000).batchSize(64).build())
                .finalTraining(FinalTraining.builder().epochs(3).batchSize(128).learningRate(0.05f, 0f).build())
                .input(new ImageInput(new ImageShape(1, 28, 28)))
                .seed(1).device("auto")
                .build();
        System.out.println("Training " + trainer + " on " + train.size() + " images");

        try (GaeaModel model = trainer.train(train)) {
            LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
            System.out.println("Genotype: " + model.genotype());
            System.out.printf("Test accuracy: %.4f%n", evaluation.accuracy());
            System.out.println(evaluation.getConfusionMatrix());
            ModelFiles.save(model, modelFile);
            System.out.println("Saved " + modelFile);
        }
    }
}
