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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.sweep.LocalSweep;
import org.tribuo.nas.sweep.RunResult;
import org.tribuo.nas.sweep.SummaryFiles;
import org.tribuo.nas.sweep.Sweep;
import org.tribuo.nas.sweep.SweepFile;
import org.tribuo.nas.sweep.SweepRun;
import org.tribuo.nas.sweep.SweepRunner;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tribuo-nas sweep} on the committed comparison sweep (GAEA and DARTS, two seeds each, on the
 * Fashion-MNIST fixture with tiny budgets): equal to the same runs made one by one with
 * {@code search}, resumable after a kill, and strict about its settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepCommandTest {

    /** The committed sweep, relative to the repository root. */
    static final Path COMPARISON = Paths.get("examples", "config", "sweeps", "comparison-fixture.xml");

    @TempDir
    static Path dir;

    private Path sweepFile;
    private Path sweepOutput;
    private CliRun sweepRun;

    /**
     * The committed sweep file with its fixture paths made absolute (tests run in the module folder).
     * @param target Where to write the copy.
     * @return The copy.
     * @throws IOException If it cannot be read or written.
     */
    static Path comparisonSweep(Path target) throws IOException {
        return fixtureSweep(COMPARISON, target);
    }

    /**
     * A committed fixture sweep file with its fixture paths made absolute.
     * @param committed The file, relative to the repository root.
     * @param target Where to write the copy.
     * @return The copy.
     * @throws IOException If it cannot be read or written.
     */
    static Path fixtureSweep(Path committed, Path target) throws IOException {
        Path root = Paths.get("").toAbsolutePath().getParent();
        String text = Files.readString(root.resolve(committed)).replace("tribuo-nas/src/test/resources/fixtures/fashion-mnist/",
                FashionFixture.directory().toAbsolutePath() + "/");
        return Files.writeString(target, text);
    }

    @BeforeAll
    void runTheSweep() throws IOException {
        sweepFile = comparisonSweep(dir.resolve("comparison-fixture.xml"));
        sweepOutput = dir.resolve("sweep");
        sweepRun = CliRun.of("sweep", "--config", sweepFile.toString(), "--output", sweepOutput.toString(), "--no-progress");
    }

    @Test
    void everyRunHasItsOutputsAndTheSummaryItsGroups() throws IOException {
        assertEquals(0, sweepRun.code(), sweepRun.toString());
        List<String> names = List.of("gaea_seed-1", "gaea_seed-2", "darts_seed-1", "darts_seed-2");
        for (String name : names) {
            Path run = sweepOutput.resolve("runs").resolve(name);
            for (String file : List.of("model.tribuo", "provenance.json", "history.json", "report.html", "evaluation.txt",
                    "predictions.csv", "result.json")) {
                assertTrue(Files.isRegularFile(run.resolve(file)), name + " lacks " + file);
            }
        }
        List<String> groups = Files.readAllLines(sweepOutput.resolve(SummaryFiles.GROUPS_CSV));
        assertEquals(3, groups.size(), String.join("\n", groups));
        assertTrue(groups.get(1).startsWith("gaea,2,"), groups.get(1));
        assertTrue(groups.get(2).startsWith("darts,2,"), groups.get(2));
        assertEquals(5, Files.readAllLines(sweepOutput.resolve(SummaryFiles.RUNS_CSV)).size());
        String html = Files.readString(sweepOutput.resolve(SummaryFiles.HTML));
        assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "two charts");
        assertTrue(Files.readString(sweepOutput.resolve(SummaryFiles.MARKDOWN)).contains("| gaea | 2 |"));
    }

    @Test
    void eachRunEqualsTheSameSearchMadeAlone() throws IOException {
        assertEquals(0, sweepRun.code(), sweepRun.toString());
        Sweep sweep = SweepFile.load(sweepFile);
        for (SweepRun run : sweep.runs()) {
            Path alone = dir.resolve("alone").resolve(run.name());
            List<String> args = new ArrayList<>(List.of("search", "--config", sweepFile.toString(), "--output", alone.toString(),
                    "--no-progress"));
            for (String s : run.settings()) {
                args.add("--set");
                args.add(s);
            }
            CliRun search = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, search.code(), search.toString());
            Path swept = SweepRunner.folder(sweepOutput, run);
            RunResult result = RunResult.read(swept.resolve(SweepRunner.RESULT_FILE));
            assertTrue(search.out().contains("Genotype: " + result.genotype()), run.name() + ": " + search.out());
            assertEquals(Files.readString(alone.resolve("predictions.csv")), Files.readString(swept.resolve("predictions.csv")),
                    run.name() + ": predictions differ");
            assertEquals(Files.readString(alone.resolve("evaluation.txt")), Files.readString(swept.resolve("evaluation.txt")));
        }
    }

    @Test
    void aKilledSweepResumesToTheSameSummary() throws IOException {
        assertEquals(0, sweepRun.code(), sweepRun.toString());
        Sweep sweep = SweepFile.load(sweepFile);
        Path output = dir.resolve("killed");
        SweepRun victim = sweep.runs().get(2);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LocalSweep killed = new LocalSweep(sweep, run -> run.equals(victim) ? new KillAfterFirstSearchEpoch() : TrainingProgress.NONE, quiet);
        assertThrows(Killed.class, () -> killed.runInto(output, "killed"));
        assertTrue(SweepRunner.finished(output, sweep.runs().get(1)).isPresent(), "runs before the kill are finished");
        assertFalse(SweepRunner.finished(output, victim).isPresent(), "the killed run is not");
        assertTrue(Files.isDirectory(SweepRunner.folder(output, victim).resolve("checkpoints")), "the killed run left its checkpoint");
        assertFalse(Files.exists(output.resolve(SummaryFiles.RUNS_CSV)), "no summary before the sweep finished");

        new LocalSweep(sweep, run -> TrainingProgress.NONE, quiet).runInto(output, "resumed");
        assertEquals(withoutSeconds(sweepOutput.resolve(SummaryFiles.RUNS_CSV)), withoutSeconds(output.resolve(SummaryFiles.RUNS_CSV)));
        assertEquals(withoutSeconds(sweepOutput.resolve(SummaryFiles.GROUPS_CSV)), withoutSeconds(output.resolve(SummaryFiles.GROUPS_CSV)));
    }

    @Test
    void listPrintsTheRunsWithoutRunningThem() throws IOException {
        CliRun list = CliRun.of("sweep", "--config", comparisonSweep(dir.resolve("list.xml")).toString(), "--list");
        assertEquals(0, list.code(), list.toString());
        assertEquals(4, list.out().lines().count(), list.out());
        assertTrue(list.out().contains("darts_seed-2 (group darts): trainer.architectureUpdate=softmax-adam trainer.seed=2"), list.out());
    }

    @Test
    void aSettingThatDoesNotFitIsReportedBeforeAnyRunStarts() throws IOException {
        String text = Files.readString(comparisonSweep(dir.resolve("ok.xml")))
                .replace("<property name=\"setting\" value=\"trainer.seed\"/>", "<property name=\"setting\" value=\"trainer.sed\"/>");
        Path bad = Files.writeString(dir.resolve("bad.xml"), text);
        Path output = dir.resolve("bad-output");
        CliRun run = CliRun.of("sweep", "--config", bad.toString(), "--output", output.toString());
        assertEquals(TribuoNasCli.EXIT_RUNTIME, run.code(), run.toString());
        assertTrue(run.err().contains("run 'gaea_seed-1'") && run.err().contains("trainer.sed=1"), run.err());
        assertFalse(Files.exists(output), "nothing written");
    }

    @Test
    void anAxisWithBothFormsIsRefused() throws IOException {
        String text = Files.readString(comparisonSweep(dir.resolve("ok2.xml")))
                .replace("<property name=\"replicate\" value=\"true\"/>",
                        "<property name=\"replicate\" value=\"true\"/><propertylist name=\"choices\"><item>gaea</item></propertylist>");
        CliRun run = CliRun.of("sweep", "--config", Files.writeString(dir.resolve("both.xml"), text).toString(), "--list");
        assertEquals(TribuoNasCli.EXIT_RUNTIME, run.code(), run.toString());
        assertTrue(run.err().contains("either 'setting' with 'values', or 'choices', not both"), run.err());
    }

    /** The lines of a CSV without its seconds column, which is the one figure a resumed run changes. */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).startsWith("seconds")) {
                keep.add(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
            List<String> kept = new ArrayList<>();
            for (int i : keep) {
                kept.add(cells.get(i));
            }
            out.add(String.join(",", kept));
        }
        return out;
    }

    /** Stands for a killed process. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed");
        }
    }

    /** Kills its run after the first search epoch (so after its checkpoint). */
    private static final class KillAfterFirstSearchEpoch implements TrainingProgress {
        @Override
        public void onEpoch(RunPhase phase, EpochFigures figures) {
            throw new Killed();
        }
    }
}
