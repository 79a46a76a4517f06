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

import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.search.ArchitectureUpdate;
import org.tribuo.nas.search.ContinuousRelaxation;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.nb201.Nb201Genotype;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.nb201.Nb201Op;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Does GAEA find better cells than the DARTS baseline and than random cells? On Fashion-MNIST
 * in the NAS-Bench-201 space: GAEA (exponentiated gradient, single-level) and DARTS (softmax
 * with Adam, single-level, the same supernet and weight schedule) search with several seeds,
 * random genotypes are drawn, and every genotype is trained from scratch with one and the same
 * final-training budget and seed, then tested on the full test set. Writes
 * {@code results.md}, {@code entropy.png} and {@code search-comparison.json}. Usage:
 * <pre>
 *   SearchComparison [--data DIR] [--output DIR] [--seeds 3] [--random 10] [--search-images N]
 *                    [--search-epochs E] [--train-images N] [--train-epochs E] [--device D]
 * </pre>
 */
public final class SearchComparison {

    private SearchComparison() {}

    /**
     * One searched or drawn genotype and its test accuracy after the final training.
     * @param method GAEA, DARTS or random.
     * @param seed The search seed (the draw index for random genotypes).
     * @param genotype The cell.
     * @param entropy Mean edge entropy after each search epoch (empty for random genotypes).
     * @param searchSeconds Search wall time.
     * @param testAccuracy Test accuracy of the cell trained from scratch.
     */
    record Run(String method, long seed, String genotype, List<Double> entropy, double searchSeconds, double testAccuracy) {}

    /** C=16, N=1 for both the search and the final network. */
    private static final Nb201SearchSpace SEARCH_SPACE = Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build();

    /**
     * Runs the experiment.
     * @param args See the class documentation.
     * @throws IOException If the data cannot be read or the results written.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        Path data = Paths.get(a.get("data", "/usr/share/datasets/fashion-mnist"));
        Path output = Paths.get(a.get("output", "docs/results"));
        String device = a.get("device", "auto");
        ComparisonSettings settings = new ComparisonSettings(a.getInt("seeds", 3), a.getInt("random", 10),
                a.getInt("search-images", 2000), a.getInt("search-epochs", 8), a.getInt("train-images", 10000),
                a.getInt("train-epochs", 2), DjlRuntime.versions());

        FashionMnist fashion = FashionMnist.load(data);
        ImageData train = fashion.train();
        ImageData test = fashion.test();
        int classes = fashion.classes();
        Normalization norm = Normalization.fit(train);
        ImageData searchData = train.head(settings.searchImages());
        ImageData finalData = train.head(settings.trainImages());
        System.out.println("Settings: " + settings);

        List<Run> runs = new ArrayList<>();
        for (ArchitectureGeometry geometry : List.of(ArchitectureGeometry.EXPONENTIATED_GRADIENT, ArchitectureGeometry.SOFTMAX_ADAM)) {
            String method = geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT ? "GAEA" : "DARTS";
            for (long seed = 1; seed <= settings.seeds(); seed++) {
                SearchConfig config = new SearchConfig(SEARCH_SPACE, SearchSchedule.builder().epochs(settings.searchEpochs())
                        .batchSize(64).build(), ArchitectureUpdate.reference(geometry), new ContinuousRelaxation(), seed, device);
                long start = System.nanoTime();
                SearchResult result = new GaeaSearch(config).run(searchData, classes, norm, TrainingProgress.eachEpoch(EpochRecord.class, r -> {
                        System.out.printf(Locale.ROOT, "  %s seed %d epoch %d: loss %.4f entropy %.4f %s%n", method,
                                config.seed(), r.epoch(), r.trainLoss(), r.meanEntropy(), r.genotype());
                    }));
                double seconds = (System.nanoTime() - start) / 1e9;
                List<Double> entropy = result.history().epochs().stream().map(EpochRecord::meanEntropy).toList();
                runs.add(finalRun(method, seed, result.genotype(), entropy, seconds, finalData, test, classes, norm, settings, device));
            }
        }
        SplittableRandom draws = new SplittableRandom(2026);
        Nb201Space space = Nb201Space.withoutNone();
        for (int i = 1; i <= settings.random(); i++) {
            List<Nb201Op> ops = new ArrayList<>();
            for (int edge = 0; edge < Nb201Space.NUM_EDGES; edge++) {
                ops.add(space.ops().get(draws.nextInt(space.numOps())));
            }
            runs.add(finalRun("random", i, new Nb201Genotype(ops), List.of(), 0, finalData, test, classes, norm, settings, device));
        }
        ComparisonReport.write(output, settings, runs);
        System.out.println("Wrote " + output.resolve("results.md") + ", entropy.png and search-comparison.json");
    }

    private static Run finalRun(String method, long seed, Genotype genotype, List<Double> entropy, double searchSeconds,
                                ImageData train, ImageData test, int classes, Normalization norm,
                                ComparisonSettings settings, String device) {
        // One final-training seed for every genotype: only the cell differs.
        FinalTrainingConfig config = FinalTrainingConfig.of(SEARCH_SPACE, FinalTraining.builder().epochs(settings.trainEpochs())
                .batchSize(128).learningRate(0.05f, 0f).build(), 7, device);
        try (TrainedNetwork net = new NetworkTrainer(config).train(SEARCH_SPACE, genotype,
                train, classes, norm, TrainingProgress.NONE)) {
            double accuracy = net.accuracy(test);
            System.out.printf(Locale.ROOT, "%s %d: %s test accuracy %.4f%n", method, seed, genotype, accuracy);
            return new Run(method, seed, genotype.toString(), entropy, searchSeconds, accuracy);
        }
    }
}
