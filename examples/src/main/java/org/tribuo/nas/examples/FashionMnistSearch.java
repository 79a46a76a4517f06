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
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageTensorizer;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.nas.loop.TrainingEpoch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * GAEA on Fashion-MNIST: a search on a subset, then the found cell trained from scratch on the
 * full training set and tested on the test set. Usage:
 * <pre>
 *   FashionMnistSearch [--data DIR] [--output DIR] [--search-images N] [--search-epochs E]
 *                      [--search-channels C] [--search-cells N] [--train-epochs E]
 *                      [--train-channels C] [--train-cells N] [--seed S] [--device D]
 * </pre>
 */
public final class FashionMnistSearch {

    private FashionMnistSearch() {}

    /**
     * Runs the example.
     * @param args See the class documentation.
     * @throws IOException If the data cannot be read or the output written.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        Path data = Paths.get(a.get("data", "/usr/share/datasets/fashion-mnist"));
        Path output = Paths.get(a.get("output", "output/fashion-mnist"));
        long seed = Long.parseLong(a.get("seed", "1"));
        String device = a.get("device", "auto");
        ImageShape shape = new ImageShape(1, 28, 28);
        long t0 = System.nanoTime();

        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> trainSet = new MutableDataset<>(new IDXDataSource<>(
                data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte.gz"), labels));
        MutableDataset<Label> testSet = new MutableDataset<>(new IDXDataSource<>(
                data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte.gz"), labels));
        ImageTensorizer tensorizer = new ImageTensorizer(shape);
        ImageData train = tensorizer.tensorize(trainSet, trainSet.getOutputIDInfo());
        ImageData test = tensorizer.tensorize(testSet, trainSet.getOutputIDInfo());
        int classes = trainSet.getOutputIDInfo().size();
        Normalization norm = Normalization.fit(train);
        System.out.printf(Locale.ROOT, "Fashion-MNIST: %d train, %d test images, %d classes (%s); loaded in %.1f s%n",
                train.size(), test.size(), classes, DjlRuntime.versions(), (System.nanoTime() - t0) / 1e9);

        Nb201SearchSpace space = Nb201SearchSpace.builder()
                .searchNetwork(a.getInt("search-channels", 16), a.getInt("search-cells", 1))
                .finalNetwork(a.getInt("train-channels", 16), a.getInt("train-cells", 1))
                .build();
        SearchConfig searchConfig = SearchConfig.gaea(space,
                SearchSchedule.builder().epochs(a.getInt("search-epochs", 2)).batchSize(64).build(), seed, device);
        ImageData searchData = train.head(Math.min(train.size(), a.getInt("search-images", 2000)));
        System.out.printf(Locale.ROOT, "GAEA search (EG, single-level) on %d images: C=%d N=%d, %d epochs%n",
                searchData.size(), searchConfig.channels(), searchConfig.depth(), searchConfig.epochs());
        SearchResult result = new GaeaSearch(searchConfig).run(searchData, classes, norm, TrainingProgress.eachEpoch(EpochRecord.class, r -> {
                System.out.printf(Locale.ROOT, "  search epoch %d: loss %.4f acc %.4f entropy %.4f (%.1f s) %s%n",
                        r.epoch(), r.trainLoss(), r.trainAccuracy(), r.meanEntropy(), r.seconds(), r.genotype());
            }));
        System.out.println("Genotype: " + result.genotype());

        FinalTrainingConfig trainConfig = FinalTrainingConfig.of(space, FinalTraining.builder()
                .epochs(a.getInt("train-epochs", 3)).batchSize(128).learningRate(0.05f, 0f).build(), seed, device);
        System.out.printf(Locale.ROOT, "Final training on %d images: C=%d N=%d, %d epochs%n", train.size(),
                trainConfig.channels(), trainConfig.depth(), trainConfig.epochs());
        try (TrainedNetwork net = new NetworkTrainer(trainConfig).train(space, result.genotype(), train, classes, norm,
                TrainingProgress.eachEpoch(TrainingEpoch.class, e -> System.out.printf(Locale.ROOT,
                        "  train epoch %d: lr %.4f loss %.4f acc %.4f (%.1f s)%n",
                        e.epoch(), e.learningRate(), e.trainLoss(), e.trainAccuracy(), e.seconds())))) {
            double accuracy = net.accuracy(test);
            Files.createDirectories(output);
            result.history().write(output.resolve("history.json"));
            net.saveParameters(output.resolve("network.params"));
            System.out.printf(Locale.ROOT, "Test accuracy: %.4f%nGenotype: %s%nWrote %s and %s (%.1f s in all)%n",
                    accuracy, result.genotype(), output.resolve("history.json"), output.resolve("network.params"),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
