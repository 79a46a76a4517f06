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


package org.tribuo.nas.examples.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.search.ContinuousRelaxation;
import org.tribuo.nas.search.ArchitectureUpdate;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.checkpoint.CheckpointException;
import org.tribuo.nas.checkpoint.RunCheckpoints;
import org.tribuo.nas.checkpoint.RunFingerprint;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.examples.FashionMnist;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.GaeaSearch;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchHistory;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.search.SearchResult;
import org.tribuo.nas.search.SearchScheme;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.train.FinalTrainingConfig;
import org.tribuo.nas.train.NetworkTrainer;
import org.tribuo.nas.train.TrainedNetwork;
import org.tribuo.nas.loop.TrainingEpoch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * GAEA's claim at a real budget (issue 19): single-level GAEA and DARTS searches of the
 * NAS-Bench-201 space (C=16, N=1) on the full Fashion-MNIST training set for at least 10,000
 * architecture steps each, bilevel GAEA and DARTS searches, then every found cell and ten random ones
 * trained from scratch with one final budget and tested on all 10,000 test images.
 * <p>
 * Hours on 2 cores; every search and final training is checkpointed after each epoch under
 * {@code --output}, and a finished run leaves {@code NAME.search.json} / {@code NAME.final.json}
 * in {@code --results}, so running the same command again continues where it stopped. Per-epoch
 * lines go to {@code NAME.epochs.jsonl} / {@code NAME.final.jsonl} as they come (commit them as
 * partial results). {@code scripts/long-budget.sh} runs it with one thread;
 * {@code scripts/long-budget-summary.py} makes the table and the entropy plot.
 * <pre>
 *   LongBudget [--data /usr/share/datasets/fashion-mnist] [--output output/long-budget]
 *              [--results docs/results/long-budget] [--seeds 2] [--search-epochs 11]
 *              [--bilevel-epochs 22] [--final-epochs 10] [--random 10] [--train-images 60000]
 *              [--phase all|random] [--order forward|reverse] [--searches NAME,NAME...]
 *              [--noise-seeds 8,9]
 * </pre>
 * {@code --train-images} keeps only the first images of the training set (for a quick trial).
 * {@code --phase random} trains only the random cells, so that a second process can train them
 * on an idle core while the first one searches; {@code --order reverse} takes them from the last, so
 * the two processes meet in the middle. A random cell whose checkpoint folder the other process
 * holds is skipped (and trained by a later run if still unfinished). {@code --searches} runs only the
 * named searches (e.g. {@code gaea-bilevel-s1} in one process, {@code gaea-s2,darts-s2} in another)
 * before the random cells. {@code gaea-sp-sN} and {@code darts-sp-sN} are {@code gaea-sN} and
 * {@code darts-sN} with the single pass ({@code SearchConfig.singlePass}, issue 33): one
 * forward/backward per step updates both α and the weights. They run only when named in
 * {@code --searches}, so that a run without it keeps the plan it started with.
 * <p>
 * Every cell trains with one final-training seed, so that only the cell differs; how far the test
 * accuracy moves with that seed alone is measured last: {@code --noise-seeds} (default 8,9; empty
 * for none) retrains the cell that {@code gaea-s1} found with each of those seeds (runs
 * {@code seed-noise-8}, ...), once {@code gaea-s1} has finished.
 */
public final class LongBudget {

    /** One search: its name, geometry, scheme, seed, epochs and whether it takes the single pass. */
    private record Search(String name, ArchitectureGeometry geometry, SearchScheme scheme, long seed, int epochs,
                          boolean singlePass) {
        Search(String name, ArchitectureGeometry geometry, SearchScheme scheme, long seed, int epochs) {
            this(name, geometry, scheme, seed, epochs, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One final-training seed for every cell, so that only the cell differs. */
    private static final long FINAL_SEED = 7;

    private final ImageData train;
    private final ImageData test;
    private final Normalization norm;
    private final Path output;
    private final Path results;
    private final int finalEpochs;
    /** Contiguous final networks, as the runs started before channels-last became the default. */
    private final Nb201SearchSpace space = Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1)
            .finalMemoryLayout(MemoryLayout.CONTIGUOUS).build();

    private LongBudget(ImageData train, ImageData test, Path output, Path results, int finalEpochs) {
        this.train = train;
        this.test = test;
        this.norm = Normalization.fit(train);
        this.output = output;
        this.results = results;
        this.finalEpochs = finalEpochs;
    }

    /**
     * Runs (or continues) the experiment.
     * @param args See the class documentation.
     * @throws IOException If the data cannot be read or the results written.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        Path data = Paths.get(a.get("data", "/usr/share/datasets/fashion-mnist"));
        Path results = Paths.get(a.get("results", "docs/results/long-budget"));
        Files.createDirectories(results);
        FashionMnist fashion = FashionMnist.load(data);
        int images = a.getInt("train-images", fashion.train().size());
        LongBudget experiment = new LongBudget(fashion.train().head(images), fashion.test(),
                Paths.get(a.get("output", "output/long-budget")), results, a.getInt("final-epochs", 10));
        int searchEpochs = a.getInt("search-epochs", 11);
        List<Search> searches = new ArrayList<>();
        for (long seed = 1; seed <= a.getInt("seeds", 2); seed++) {
            searches.add(new Search("gaea-s" + seed, ArchitectureGeometry.EXPONENTIATED_GRADIENT, SearchScheme.SINGLE_LEVEL,
                    seed, searchEpochs));
            searches.add(new Search("darts-s" + seed, ArchitectureGeometry.SOFTMAX_ADAM, SearchScheme.SINGLE_LEVEL,
                    seed, searchEpochs));
        }
        // The paper's bilevel contrast (issue 33): DARTS bilevel for both seeds, GAEA bilevel for the second.
        int bilevelEpochs = a.getInt("bilevel-epochs", 22);
        for (long seed = 1; seed <= a.getInt("seeds", 2); seed++) {
            searches.add(new Search("gaea-bilevel-s" + seed, ArchitectureGeometry.EXPONENTIATED_GRADIENT,
                    SearchScheme.BILEVEL, seed, bilevelEpochs));
            searches.add(new Search("darts-bilevel-s" + seed, ArchitectureGeometry.SOFTMAX_ADAM,
                    SearchScheme.BILEVEL, seed, bilevelEpochs));
        }
        // The single pass (issue 33): gaea-sN and darts-sN with one forward/backward per step; only when named.
        for (long seed = 1; seed <= a.getInt("seeds", 2); seed++) {
            searches.add(new Search("gaea-sp-s" + seed, ArchitectureGeometry.EXPONENTIATED_GRADIENT,
                    SearchScheme.SINGLE_LEVEL, seed, searchEpochs, true));
            searches.add(new Search("darts-sp-s" + seed, ArchitectureGeometry.SOFTMAX_ADAM,
                    SearchScheme.SINGLE_LEVEL, seed, searchEpochs, true));
        }
        String phase = a.get("phase", "all");
        if (!phase.equals("all") && !phase.equals("random")) {
            throw new IllegalArgumentException("--phase must be all or random, got '" + phase + "'");
        }
        List<Search> selected = selectSearches(searches, a.get("searches", ""));
        if (phase.equals("all")) {
            for (Search s : selected) {
                experiment.trainFinal(s.name(), experiment.search(s));
            }
        }
        SplittableRandom draws = new SplittableRandom(2026);
        List<Genotype> randomCells = new ArrayList<>();
        for (int i = 1; i <= a.getInt("random", 10); i++) {
            randomCells.add(experiment.space.randomGenotype(draws));
        }
        String order = a.get("order", "forward");
        if (!order.equals("forward") && !order.equals("reverse")) {
            throw new IllegalArgumentException("--order must be forward or reverse, got '" + order + "'");
        }
        boolean reverse = order.equals("reverse");
        int skipped = 0;
        for (int k = 0; k < randomCells.size(); k++) {
            int i = reverse ? randomCells.size() - k : k + 1;
            try {
                experiment.trainFinal("random-" + i, randomCells.get(i - 1));
            } catch (CheckpointException e) {
                System.out.println("random-" + i + " skipped: " + e.getMessage());
                skipped++;
            }
        }
        for (String seed : a.get("noise-seeds", "8,9").split(",")) {
            if (!seed.isBlank()) {
                skipped += experiment.trainSeedNoise(Long.parseLong(seed.trim())) ? 0 : 1;
            }
        }
        System.out.println(skipped == 0 ? "all runs finished; results in " + results
                : skipped + " final trainings skipped; run the same command again to finish them");
    }

    /** The searches named in {@code --searches} (all but the single-pass ones when it is empty), in the order given. */
    private static List<Search> selectSearches(List<Search> searches, String names) {
        if (names.isBlank()) {
            return searches.stream().filter(s -> !s.singlePass()).toList();
        }
        List<Search> selected = new ArrayList<>();
        for (String name : names.split(",")) {
            Search match = searches.stream().filter(s -> s.name().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--searches: unknown search '" + name.trim()
                            + "'; known: " + searches.stream().map(Search::name).toList()));
            selected.add(match);
        }
        return selected;
    }

    /** The search's genotype: read from its result if it finished, otherwise searched (resuming). */
    private Genotype search(Search s) throws IOException {
        Path done = results.resolve(s.name() + ".search.json");
        if (Files.exists(done)) {
            return space.parseGenotype(SearchHistory.fromJson(Files.readString(done)).finalGenotype());
        }
        SearchConfig config = new SearchConfig(space, SearchSchedule.builder().scheme(s.scheme()).singlePass(s.singlePass())
                .epochs(s.epochs()).batchSize(64).build(), ArchitectureUpdate.reference(s.geometry()), new ContinuousRelaxation(),
                s.seed(), "cpu");
        Path lines = results.resolve(s.name() + ".epochs.jsonl");
        SearchResult result;
        try (RunCheckpoints checkpoints = RunCheckpoints.open(output.resolve(s.name()),
                fingerprint(Map.of("search", config.toString())))) {
            result = search(config, s.name(), lines, checkpoints);
        }
        Files.writeString(done, result.history().toJson());
        return result.genotype();
    }

    private SearchResult search(SearchConfig config, String name, Path lines, RunCheckpoints checkpoints) {
        return new GaeaSearch(config).run(train, 10, norm, TrainingProgress.eachEpoch(EpochRecord.class, r -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("run", name);
                line.put("epoch", r.epoch());
                line.put("loss", r.trainLoss());
                line.put("accuracy", r.trainAccuracy());
                line.put("held_out_accuracy", r.heldOutAccuracy());
                line.put("entropy", r.meanEntropy());
                line.put("genotype", r.genotype());
                line.put("alpha", r.alpha());
                line.put("seconds", r.seconds());
                append(lines, line);
            }), checkpoints);
    }

    /**
     * Retrains the cell of {@code gaea-s1} with another final-training seed.
     * @return false if it was skipped (gaea-s1 unfinished, or the other process holds the run).
     */
    private boolean trainSeedNoise(long seed) throws IOException {
        Path reference = results.resolve("gaea-s1.final.json");
        String name = "seed-noise-" + seed;
        if (!Files.exists(reference)) {
            System.out.println(name + " skipped: gaea-s1 has not finished");
            return false;
        }
        Genotype cell = space.parseGenotype(JSON.readTree(reference.toFile()).get("genotype").asText());
        try {
            trainFinal(name, cell, seed);
            return true;
        } catch (CheckpointException e) {
            System.out.println(name + " skipped: " + e.getMessage());
            return false;
        }
    }

    /** Trains a cell from scratch with the common final-training seed; see {@link #trainFinal(String, Genotype, long)}. */
    private void trainFinal(String name, Genotype genotype) throws IOException {
        trainFinal(name, genotype, FINAL_SEED);
    }

    /** Trains a cell from scratch (resuming) and tests it, unless its result exists. */
    private void trainFinal(String name, Genotype genotype, long seed) throws IOException {
        Path done = results.resolve(name + ".final.json");
        if (Files.exists(done)) {
            return;
        }
        FinalTrainingConfig config = FinalTrainingConfig.of(space, FinalTraining.builder().epochs(finalEpochs).batchSize(128)
                .learningRate(0.05f, 0f).build(), seed, "cpu");
        Path lines = results.resolve(name + ".final.jsonl");
        try (RunCheckpoints checkpoints = RunCheckpoints.open(output.resolve(name + "-final"),
                fingerprint(Map.of("final", config.toString(), "genotype", genotype.toString())));
             TrainedNetwork net = new NetworkTrainer(config).train(space, genotype, train, 10, norm,
                     TrainingProgress.eachEpoch(TrainingEpoch.class, e -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("run", name);
            line.put("genotype", genotype.toString());
            line.put("epoch", e.epoch());
            line.put("loss", e.trainLoss());
            line.put("accuracy", e.trainAccuracy());
            line.put("seconds", e.seconds());
            append(lines, line);
        }), checkpoints)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("run", name);
            result.put("genotype", genotype.toString());
            result.put("final_epochs", finalEpochs);
            result.put("final_seed", seed);
            result.put("test_accuracy", net.accuracy(test));
            Files.writeString(done, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            System.out.println(name + ": " + genotype + " test accuracy " + result.get("test_accuracy"));
        }
    }

    private RunFingerprint fingerprint(Map<String, String> settings) {
        Map<String, String> values = new LinkedHashMap<>(settings);
        values.put(RunFingerprint.DATA_EXAMPLES, Integer.toString(train.size()));
        values.put("versions", DjlRuntime.versions());
        return new RunFingerprint(values);
    }

    private static void append(Path file, Map<String, Object> line) {
        try {
            System.out.println(JSON.writeValueAsString(line));
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot append to " + file, e);
        }
    }
}
