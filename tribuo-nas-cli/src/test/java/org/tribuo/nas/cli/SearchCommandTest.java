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

package org.tribuo.nas.cli;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.repro.SmallFixture;
import org.tribuo.nas.search.SearchHistory;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.provenance.ModelProvenance;

import ai.djl.Device;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code tribuo-nas search} once on a small copy of the Fashion-MNIST fixture (with a
 * {@code --set} override), then checks its outputs and runs describe, evaluate and reproduce on
 * the model it wrote.
 */
public class SearchCommandTest {

    @TempDir
    static Path dir;

    private static Path data;
    private static Path config;
    private static Path output;
    private static CliRun search;

    @BeforeAll
    public static void search() throws IOException {
        data = SmallFixture.write(dir.resolve("data"), 256, 64);
        config = TestConfigs.idx(dir.resolve("tiny.xml"), data);
        output = dir.resolve("out");
        search = CliRun.of("search", "--config", config.toString(), "--output", output.toString(),
                "--set", "trainer.seed=5", "--no-progress", "--onnx");
    }

    @Test
    public void searchWritesModelProvenanceHistoryAndEvaluation() throws IOException {
        assertEquals(0, search.code(), search.toString());
        List<String> expected = List.of("model.tribuo", "model.onnx", "provenance.json", "history.json", "evaluation.txt",
                "predictions.csv", "report.html", "checkpoints/search.ckpt", "checkpoints/final.ckpt");
        for (String f : expected) {
            assertTrue(Files.size(output.resolve(f)) > 0, f);
        }
        try (Stream<Path> files = Files.walk(output)) {
            assertEquals(expected.size(), files.filter(Files::isRegularFile).count(), "no temporary files left");
        }
        List<String> predictions = Files.readAllLines(output.resolve("predictions.csv"));
        assertEquals(65, predictions.size(), "a header and one line per test example");
        assertTrue(predictions.get(0).startsWith("index,true_label,predicted_label,score_0,score_1"), predictions.get(0));
        assertTrue(search.out().contains("Genotype: |"), search.out());
        assertTrue(search.out().contains("search epoch 1/1"), search.out());
        assertTrue(search.out().contains("training epoch 1/1"), search.out());
        assertTrue(search.out().contains("Evaluation on test-source (64 examples): accuracy"), search.out());
        assertTrue(search.out().contains("Confusion matrix:"), search.out());
        String evaluation = Files.readString(output.resolve("evaluation.txt"));
        assertTrue(evaluation.contains("Confusion matrix:"), evaluation);
        SearchHistory history = SearchHistory.fromJson(Files.readString(output.resolve("history.json")));
        assertEquals(1, history.epochs().size());
    }

    @Test
    public void reportIsSelfContainedAndHasEverySection() throws IOException {
        assertEquals(0, search.code(), search.toString());
        String html = Files.readString(output.resolve("report.html"));
        for (String section : org.tribuo.nas.report.SearchReport.SECTIONS) {
            assertTrue(html.contains("<section id=\"" + section + "\">"), section);
        }
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing is fetched from the network");
        String[] parts = html.split("src=\"data:image/png;base64,", -1);
        assertEquals(3, parts.length, "two embedded charts");
        for (int i = 1; i < parts.length; i++) {
            byte[] bytes = java.util.Base64.getDecoder().decode(parts[i].substring(0, parts[i].indexOf('"')));
            assertEquals((byte) 0x89, bytes[0]);
            assertEquals('P', bytes[1], "chart " + i + " is a PNG");
        }
        try (GaeaModel model = ModelFiles.load(output.resolve("model.tribuo"), Device.cpu())) {
            assertTrue(html.contains("<code>" + model.genotype() + "</code>"), "the genotype is shown");
            assertTrue(html.contains("aria-label=\"cell " + model.genotype() + "\""), "the cell is drawn");
            int epochs = model.searchHistory().epochs().size();
            assertTrue(html.contains("type=\"range\" min=\"1\" max=\"" + epochs + "\""), "a slider over the epochs");
            assertEquals(epochs, html.split("<div class=\"alpha\"", -1).length - 1, "one α table per epoch");
        }
        assertTrue(html.contains("Accuracy <b>"), "test metrics");
        assertTrue(html.contains("<th>Convolutions</th><td>on: "), "the convolution self-check");
    }

    @Test
    public void overridesAreAppliedAndRecordedInTheProvenance() throws Exception {
        assertEquals(0, search.code(), search.toString());
        ModelProvenance fromJson = (ModelProvenance) new JsonProvenanceSerialization(true)
                .deserializeAndUnmarshal(Files.readString(output.resolve("provenance.json")));
        assertEquals(5L, ((PrimitiveProvenance<?>) fromJson.getTrainerProvenance().getConfiguredParameters().get("seed")).getValue());
        try (GaeaModel model = ModelFiles.load(output.resolve("model.tribuo"), Device.cpu())) {
            assertEquals(fromJson, model.getProvenance());
            assertEquals(256, model.getProvenance().getDatasetProvenance().getNumExamples());
        }
    }

    @Test
    public void rerunResumesFromTheCheckpointsAndAChangedConfigurationIsRefused() throws IOException {
        assertEquals(0, search.code(), search.toString());
        Path again = dir.resolve("again");
        try (Stream<Path> files = Files.walk(output)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, again.resolve(output.relativize(p).toString()));
            }
        }
        CliRun rerun = CliRun.of("search", "--config", config.toString(), "--output", again.toString(),
                "--set", "trainer.seed=5", "--no-progress");
        assertEquals(0, rerun.code(), rerun.toString());
        assertFalse(rerun.out().contains("search epoch 1/1"), "the finished search is not run again:\n" + rerun.out());
        assertFalse(rerun.out().contains("training epoch 1/1"), "nor the final training:\n" + rerun.out());
        assertEquals(Files.readString(output.resolve("predictions.csv")), Files.readString(again.resolve("predictions.csv")));

        CliRun changed = CliRun.of("search", "--config", config.toString(), "--output", again.toString(),
                "--set", "trainer.seed=6", "--set", "final-training.epochs=2", "--no-progress");
        assertEquals(TribuoNasCli.EXIT_RUNTIME, changed.code(), changed.toString());
        assertTrue(changed.err().contains("trainer.seed: checkpoint 5, now 6"), changed.err());
        assertTrue(changed.err().contains("trainer.finalTraining.epochs: checkpoint 1, now 2"), changed.err());
        assertEquals(Files.readString(output.resolve("predictions.csv")), Files.readString(again.resolve("predictions.csv")),
                "the refused run left the earlier results alone");
    }

    @Test
    public void describePrintsTheGenotypeAndSettings() throws IOException {
        CliRun describe = CliRun.of("describe", "--model", output.resolve("model.tribuo").toString());
        assertEquals(0, describe.code(), describe.toString());
        try (GaeaModel model = ModelFiles.load(output.resolve("model.tribuo"), Device.cpu())) {
            assertTrue(describe.out().contains("Genotype:       " + model.genotype()), describe.out());
        }
        for (String expected : List.of("Search space:   nas-bench-201", "Arch. update:   ExponentiatedGradientUpdate", "scheme=SINGLE_LEVEL",
                "Seed:           5", "Space:          Nb201SearchSpace", "searchCellsPerStage=1", "Final training: FinalTraining", "horizontalFlip=false", "randomCropPadding=0", "Final architecture weights (alpha), mean entropy", "nor_conv_3x3",
                "Search history:", "Provenance:", "DJL 0.36.0", "PyTorch",
                "Convolutions:   on: ", "signatures checked against float64")) {
            assertTrue(describe.out().contains(expected), expected + " in\n" + describe.out());
        }
    }

    @Test
    public void evaluateOnIdxFilesAndOnTheConfig() {
        String model = output.resolve("model.tribuo").toString();
        CliRun idx = CliRun.of("evaluate", "--model", model, "--idx", data.resolve("t10k-images-idx3-ubyte.gz").toString(),
                data.resolve("t10k-labels-idx1-ubyte.gz").toString(), "--device", "cpu");
        assertEquals(0, idx.code(), idx.toString());
        assertTrue(idx.out().contains("(64 examples): accuracy"), idx.out());
        CliRun fromConfig = CliRun.of("evaluate", "--model", model, "--config", config.toString());
        assertEquals(0, fromConfig.code(), fromConfig.toString());
        // same model, same data: the same report
        String a = idx.out().substring(idx.out().indexOf("accuracy"));
        String b = fromConfig.out().substring(fromConfig.out().indexOf("accuracy"));
        assertEquals(a, b);
    }

    @Test
    public void theOnnxExportEvaluatesAsTheModel() throws IOException {
        String model = output.resolve("model.tribuo").toString();
        Path exported = dir.resolve("exported.onnx");
        CliRun export = CliRun.of("export", "--model", model, "--onnx", exported.toString(), "--domain", "org.example.test");
        assertEquals(0, export.code(), export.toString());
        assertTrue(Files.size(exported) > 0);
        CliRun tribuo = CliRun.of("evaluate", "--model", model, "--config", config.toString());
        String expected = tribuo.out().substring(tribuo.out().indexOf("accuracy"));
        for (Path onnx : List.of(exported, output.resolve("model.onnx"))) {
            CliRun run = CliRun.of("evaluate", "--model", onnx.toString(), "--config", config.toString());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("ONNX Runtime"), run.out());
            // the same accuracy, per-class figures and confusion matrix
            assertEquals(expected, run.out().substring(run.out().indexOf("accuracy")), onnx.toString());
        }
    }

    @Test
    public void exportRefusesAFileNameWithoutTheOnnxEnding() {
        CliRun run = CliRun.of("export", "--model", output.resolve("model.tribuo").toString(), "--onnx",
                dir.resolve("model.bin").toString());
        assertEquals(TribuoNasCli.EXIT_USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("must name a file ending in .onnx"), run.err());
        assertFalse(Files.exists(dir.resolve("model.bin")));
    }

    @Test
    public void evaluateNeedsExactlyOneDataOption() {
        CliRun neither = CliRun.of("evaluate", "--model", output.resolve("model.tribuo").toString());
        assertEquals(2, neither.code(), neither.toString());
        assertTrue(neither.err().contains("--config") && neither.err().contains("--idx"), neither.err());
    }

    @Test
    public void reproduceIsIdenticalAndExitsWithZero() {
        CliRun reproduce = CliRun.of("reproduce", "--model", output.resolve("model.tribuo").toString(), "--no-progress");
        assertEquals(0, reproduce.code(), reproduce.toString());
        assertTrue(reproduce.out().contains("Reproduction: IDENTICAL"), reproduce.out());
        assertTrue(reproduce.out().contains("predictions differing: 0"), reproduce.out());
    }

    @Test
    public void reproduceOnOtherDataDiffersAndExitsWithOne() throws IOException {
        Path other = SmallFixture.write(dir.resolve("other-data"), 64, 8);
        CliRun reproduce = CliRun.of("reproduce", "--model", output.resolve("model.tribuo").toString(), "--no-progress",
                "--set", "train-source.featuresPath=" + other.resolve("train-images-idx3-ubyte.gz"),
                "--set", "train-source.outputPath=" + other.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(1, reproduce.code(), reproduce.toString());
        assertTrue(reproduce.out().contains("Reproduction: DIFFERENT"), reproduce.out());
        assertTrue(reproduce.out().contains("dataset.datasource.featuresPath"), reproduce.out());
        assertTrue(reproduce.out().contains("dataset.num-examples"), reproduce.out());
    }

    @Test
    public void testLabelsUnseenInTrainingFailBeforeTrainingAndLeaveNothing() throws IOException {
        Path unseenData = SmallFixture.write(dir.resolve("data-unseen"), 256, 64);
        Path labels = unseenData.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] idx;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(labels))) {
            idx = in.readAllBytes();
        }
        idx[8] = 42; // the IDX label payload starts after the 8-byte header
        idx[9] = 42;
        idx[10] = 42;
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(labels))) {
            out.write(idx);
        }
        Path unseenConfig = TestConfigs.idx(dir.resolve("unseen.xml"), unseenData);
        Path target = dir.resolve("unseen-out");
        CliRun run = CliRun.of("search", "--config", unseenConfig.toString(), "--output", target.toString(), "--no-progress");
        assertEquals(TribuoNasCli.EXIT_RUNTIME, run.code(), run.toString());
        assertTrue(run.err().contains("test-source has labels never seen in training (label=examples): {42=3}"), run.err());
        assertFalse(run.out().contains("Search:"), "failed before training: " + run.out());
        assertFalse(Files.exists(target), "no output folder left behind");

        CliRun evaluate = CliRun.of("evaluate", "--model", output.resolve("model.tribuo").toString(), "--idx",
                unseenData.resolve("t10k-images-idx3-ubyte.gz").toString(), labels.toString());
        assertEquals(TribuoNasCli.EXIT_RUNTIME, evaluate.code(), evaluate.toString());
        assertTrue(evaluate.err().contains("labels never seen in training (label=examples): {42=3}"), evaluate.err());
    }

    @Test
    public void unwritableOutputFailsBeforeTrainingAndLeavesNothingBehind() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path target = blocker.resolve("sub").resolve("out");
        CliRun run = CliRun.of("search", "--config", config.toString(), "--output", target.toString());
        assertEquals(3, run.code(), run.toString());
        assertTrue(run.err().contains("output folder '" + target + "' is not writable"), run.err());
        assertFalse(run.out().contains("Search:"), "failed before training: " + run.out());
        assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
        assertEquals("x", Files.readString(blocker));
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Path missingChild = existing.resolve("a").resolve("b");
        // a folder that exists as a file at the leaf
        Files.writeString(existing.resolve("a"), "file");
        CliRun leaf = CliRun.of("search", "--config", config.toString(), "--output", missingChild.toString());
        assertEquals(3, leaf.code(), leaf.toString());
        try (Stream<Path> files = Files.list(existing)) {
            assertEquals(List.of(existing.resolve("a")), files.toList(), "nothing created");
        }
    }

    @Test
    public void csvDataSourceWorksToo() throws IOException {
        Path csv = dir.resolve("train.csv");
        MutableDataset<Label> images = FashionFixture.datasetHead("train", 128);
        try (Writer w = Files.newBufferedWriter(csv)) {
            StringBuilder header = new StringBuilder("label");
            for (int i = 0; i < 784; i++) {
                header.append(',').append(i);
            }
            w.write(header + "\n");
            for (Example<Label> e : images) {
                int[] pixels = new int[784];
                for (Feature f : e) {
                    pixels[Integer.parseInt(f.getName())] = (int) f.getValue();
                }
                StringBuilder row = new StringBuilder(e.getOutput().getLabel());
                for (int p : pixels) {
                    row.append(',').append(p);
                }
                w.write(row + "\n");
            }
        }
        Path csvConfig = TestConfigs.csv(dir.resolve("csv.xml"), csv);
        Path out = dir.resolve("csv-out");
        CliRun run = CliRun.of("search", "--config", csvConfig.toString(), "--output", out.toString(), "--no-progress");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Training data: 128 examples, 10 classes"), run.out());
        assertTrue(Files.exists(out.resolve("model.tribuo")));
        assertFalse(Files.exists(out.resolve("evaluation.txt")), "no test-source, no evaluation");
    }
}
