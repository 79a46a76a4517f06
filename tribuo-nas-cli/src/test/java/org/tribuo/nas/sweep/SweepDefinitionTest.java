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

package org.tribuo.nas.sweep;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep's runs (every combination, first axis outermost, named and grouped by their labels) and
 * its summary figures, without training anything.
 */
class SweepDefinitionTest {

    private static Sweep methodsBySeeds() {
        SweepAxis method = SweepAxis.ofChoices("method", List.of(
                new AxisChoice("gaea", List.of("trainer.architectureUpdate=eg")),
                new AxisChoice("darts", List.of("trainer.architectureUpdate=adam", "search.archWarmupEpochs=1"))), false);
        SweepAxis seed = SweepAxis.of("seed", "trainer.seed", List.of("1", "2", "3"), true);
        return new Sweep("experiment.xml", List.of(method, seed));
    }

    @Test
    void runsAreEveryCombinationFirstAxisOutermost() {
        List<SweepRun> runs = methodsBySeeds().runs();
        assertEquals(List.of("gaea_seed-1", "gaea_seed-2", "gaea_seed-3", "darts_seed-1", "darts_seed-2", "darts_seed-3"),
                runs.stream().map(SweepRun::name).toList());
        SweepRun run = runs.get(4);
        assertEquals("darts", run.group());
        assertEquals(List.of("trainer.architectureUpdate=adam", "search.archWarmupEpochs=1", "trainer.seed=2"), run.settings());
        assertEquals("experiment.xml", run.experiment());
    }

    @Test
    void withOnlyReplicateAxesEveryRunIsInOneGroup() {
        Sweep seeds = new Sweep("", List.of(SweepAxis.of("seed", "trainer.seed", List.of("1", "2"), true)));
        assertEquals(List.of("all", "all"), seeds.runs().stream().map(SweepRun::group).toList());
        assertEquals("sweep.xml", seeds.inFile("sweep.xml").runs().get(0).experiment());
    }

    @Test
    void badDefinitionsAreRefusedNamingTheProblem() {
        PropertyException twice = assertThrows(PropertyException.class,
                () -> SweepAxis.of("seed", "trainer.seed", List.of("1", "1"), true));
        assertTrue(twice.getMessage().contains("lists 'seed-1' twice"), twice.getMessage());
        PropertyException notAField = assertThrows(PropertyException.class,
                () -> SweepAxis.of("seed", "seed", List.of("1"), true));
        assertTrue(notAField.getMessage().contains("'seed' is not COMPONENT.FIELD"), notAField.getMessage());
        PropertyException label = assertThrows(PropertyException.class,
                () -> new AxisChoice("gaea darts", List.of("trainer.seed=1")));
        assertTrue(label.getMessage().contains("letters, digits"), label.getMessage());
        PropertyException setting = assertThrows(PropertyException.class, () -> new AxisChoice("gaea", List.of("seed")));
        assertTrue(setting.getMessage().contains("expected COMPONENT.FIELD=VALUE"), setting.getMessage());
        SweepAxis seed = SweepAxis.of("seed", "trainer.seed", List.of("1"), true);
        PropertyException sameAxis = assertThrows(PropertyException.class, () -> new Sweep("e.xml", List.of(seed, seed)));
        assertTrue(sameAxis.getMessage().contains("listed twice"), sameAxis.getMessage());
    }

    @Test
    void groupsSummariseTheirRuns() {
        List<RunResult> results = List.of(
                new RunResult("gaea_seed-1", "gaea", "c1", 0.80, List.of(1.38, 1.30), Math.log(4), 10),
                new RunResult("gaea_seed-2", "gaea", "c2", 0.90, List.of(1.38, 1.20), Math.log(4), 20),
                new RunResult("darts_seed-1", "darts", "c3", 0.70, List.of(1.386), Math.log(4), 30));
        SweepSummary summary = new SweepSummary(results);
        assertEquals(List.of("gaea", "darts"), summary.groups().stream().map(GroupSummary::group).toList());
        GroupSummary gaea = summary.groups().get(0);
        assertEquals(2, gaea.runs());
        assertEquals(0.85, gaea.accuracyMean(), 1e-12);
        assertEquals(Math.sqrt(0.005), gaea.accuracyStd(), 1e-12);
        assertEquals(0.80, gaea.accuracyMin(), 1e-12);
        assertEquals(0.90, gaea.accuracyMax(), 1e-12);
        assertEquals(1.25, gaea.finalEntropyMean(), 1e-12);
        assertEquals(15, gaea.secondsMean(), 1e-12);
        assertEquals(30, gaea.secondsTotal(), 1e-12);
        assertTrue(Double.isNaN(summary.groups().get(1).accuracyStd()), "no standard deviation of one run");
        String csv = SummaryTables.groupsCsv(summary);
        assertTrue(csv.startsWith("group,runs,accuracy_mean,accuracy_std,"), csv);
        assertTrue(csv.contains("\ndarts,1,0.700000,,0.700000,0.700000,"), csv);
    }

    @Test
    void withoutATestSourceTheAccuracyFiguresAreMissingNotZero() {
        GroupSummary g = GroupSummary.of("all", List.of(new RunResult("r", "all", "c", null, List.of(1.0), 1.386, 1)));
        assertTrue(Double.isNaN(g.accuracyMean()) && Double.isNaN(g.accuracyMin()) && Double.isNaN(g.accuracyMax()));
        assertTrue(SummaryTables.markdown("t", new SweepSummary(List.of(
                new RunResult("r", "all", "c", null, List.of(1.0), 1.386, 1)))).contains("| all | 1 | n/a ± n/a |"));
    }

    @Test
    void aRandomCellRunWithoutSearchEpochsIsSummarisedBesideTheSearches() {
        // randomCell runs have no entropy curve; the page and the Pareto plot still draw the others
        SweepSummary summary = new SweepSummary(List.of(
                new RunResult("seed-1_budget-0.25", "budget-0.25", "c1", 0.91, List.of(1.38, 1.37), Math.log(4), 10,
                        "LATENCY", 0.25, 0.24),
                new RunResult("seed-1_random-0.25", "random-0.25", "c2", 0.90, List.of(), Double.NaN, 5,
                        "LATENCY", 0.23, 0.22)));
        String html = SummaryPage.html("t", summary);
        assertTrue(html.contains("seed-1_random-0.25") && html.contains("data:image/png;base64,"), "the page is written");
        String markdown = SummaryTables.markdown("t", summary);
        assertTrue(markdown.contains("| random-0.25 | 1 | 0.9000 ± n/a | 0.9000 | 0.9000 | – (no search) |"), markdown);
        assertTrue(SummaryTables.runsCsv(summary).contains("seed-1_random-0.25,random-0.25,\"c2\",0.900000,,,"),
                SummaryTables.runsCsv(summary));
        assertFalse(html.contains("NaN") || markdown.contains("NaN"), "no NaN in the summaries");
    }
}
