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
package org.tribuo.nas.examples.bench;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.train.FinalTraining;

import ai.djl.Device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Memory in Tribuo pipelines: a 10-fold {@link CrossValidation}, a 10-member
 * {@link BaggingTrainer}, then many {@code train} calls in one JVM, none of whose models the
 * caller closes (as Tribuo's own tools never do). Samples the resident memory, the JVM heap and
 * the live native arrays after a garbage collection (which lets the models' {@code Cleaner} free
 * their networks), prints a table and the slopes, and measures what prediction costs with the
 * network kept loaded (the chosen design) against loading the model file for each batch (the
 * alternative). Usage:
 * <pre>
 *   PipelineSoakBenchmark [--trains 1000] [--every 50] [--examples 64] [--folds 10] [--members 10]
 *                         [--data DIR (Fashion-MNIST IDX files; default the test fixture)]
 * </pre>
 */
public final class PipelineSoakBenchmark {

    private PipelineSoakBenchmark() {}

    private record Sample(String when, int trains, double rssMb, double heapMb, int liveArrays, double seconds) {}

    /**
     * Runs the soak.
     * @param args See the class documentation.
     * @throws Exception If the data cannot be read or a wait is interrupted.
     */
    public static void main(String[] args) throws Exception {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        int trains = a.getInt("trains", 1000);
        int every = a.getInt("every", 50);
        int examples = a.getInt("examples", 64);
        Path dir = Paths.get(a.get("data", "tribuo-nas/src/test/resources/fixtures/fashion-mnist"));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> all = new MutableDataset<>(new IDXDataSource<>(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), factory));
        MutableDataset<Label> train = head(all, examples);
        MutableDataset<Label> test = head(new MutableDataset<>(new IDXDataSource<>(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), factory)), 64);
        GaeaTrainer trainer = GaeaTrainer.builder().input(new ImageInput(new ImageShape(1, 28, 28)))
                .space(Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(32).build())
                .seed(1).device("cpu").build();

        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        samples.add(sample("start", 0, start));
        int folds = a.getInt("folds", 10);
        new CrossValidation<>(trainer, head(all, examples * 2), new LabelEvaluator(), folds, 1L).evaluate();
        samples.add(sample(folds + "-fold CrossValidation", folds, start));
        int members = a.getInt("members", 10);
        Model<Label> bagged = new BaggingTrainer<>(trainer, new VotingCombiner(), members, 2L).train(train);
        bagged.predict(test);
        bagged = null;
        samples.add(sample(members + "-member BaggingTrainer", folds + members, start));
        int before = folds + members;
        for (int i = 1; i <= trains; i++) {
            trainer.train(train).predict(test);
            if (i % every == 0) {
                samples.add(sample("train calls", before + i, start));
                Sample last = samples.get(samples.size() - 1);
                System.err.printf(Locale.ROOT, "[pipeline-soak] %d trains: RSS %.1f MB, %d live arrays%n", i, last.rssMb(),
                        last.liveArrays());
            }
        }

        System.out.printf(Locale.ROOT, "Pipeline memory soak: %d-fold CrossValidation, %d-member BaggingTrainer, then %d "
                + "GaeaTrainer.train calls (each followed by a prediction of %d test images), no model closed by the caller; "
                + "C=16 N=1, 1 search epoch and 1 final epoch on %d fixture images, %s, CPU%n%n", folds, members, trains,
                test.size(), examples, DjlRuntime.versions());
        System.out.println("| after | models trained | resident MB | JVM heap committed MB | resident − heap MB | live native arrays | seconds |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Sample s : samples) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d | %.0f |%n", s.when(), s.trains(), s.rssMb(),
                    s.heapMb(), s.rssMb() - s.heapMb(), s.liveArrays(), s.seconds());
        }
        List<Sample> loop = samples.stream().filter(s -> s.when().equals("train calls")).toList();
        List<Sample> secondHalf = loop.subList(loop.size() / 2, loop.size());
        System.out.printf(Locale.ROOT, "%nResident memory slope over the train calls: %+.2f MB per 1000 models; over the "
                + "second half: %+.2f MB per 1000 models; resident − heap over the second half: %+.2f MB per 1000 models.%n",
                1000 * MemoryProbe.slope(loop, Sample::trains, Sample::rssMb),
                1000 * MemoryProbe.slope(secondHalf, Sample::trains, Sample::rssMb),
                1000 * MemoryProbe.slope(secondHalf, Sample::trains, x -> x.rssMb() - x.heapMb()));
        System.out.printf(Locale.ROOT, "Live native arrays after a collection: %s (at the start: %d).%n",
                loop.stream().mapToInt(Sample::liveArrays).summaryStatistics(), samples.get(0).liveArrays());
        predictCost(trainer, train, test);
    }

    /** Prediction with the network kept loaded, against loading the model for every batch. */
    private static void predictCost(GaeaTrainer trainer, MutableDataset<Label> train, MutableDataset<Label> test)
            throws IOException {
        Path file = Files.createTempFile("pipeline-soak", ".tribuo");
        try (GaeaModel model = trainer.train(train)) {
            ModelFiles.save(model, file);
            int rounds = 30;
            double[] kept = new double[rounds];
            double[] reloaded = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                model.predict(test);
                kept[r] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                try (GaeaModel loaded = ModelFiles.load(file, Device.cpu())) {
                    loaded.predict(test);
                }
                reloaded[r] = (System.nanoTime() - t1) / 1e6;
            }
            System.out.printf(Locale.ROOT, "%nPredicting %d images (median of %d alternated rounds): network kept loaded "
                    + "(freed by the Cleaner when the model is unreachable) %.1f ms; model file loaded for the batch %.1f ms.%n",
                    test.size(), rounds, median(kept), median(reloaded));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Sample sample(String when, int trains, long start) throws InterruptedException {
        // The Cleaner frees a model's network once a collection finds the model unreachable.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return new Sample(when, trains, MemoryProbe.residentMegabytes(), MemoryProbe.heapMegabytes(),
                MemoryProbe.liveNativeArrays(), (System.nanoTime() - start) / 1e9);
    }

    private static MutableDataset<Label> head(MutableDataset<Label> data, int n) {
        MutableDataset<Label> out = new MutableDataset<>(data.getProvenance(), data.getOutputFactory());
        for (int i = 0; i < Math.min(n, data.size()); i++) {
            out.add(data.getExample(i));
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
