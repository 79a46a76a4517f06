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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.sweep.RunResult;
import org.tribuo.nas.sweep.SummaryFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep over cost budgets (examples/config/sweeps/cost-pareto-fixture.xml: a parameter budget
 * and one that constrains nothing) records each found network's cost and plots test accuracy
 * against it.
 */
class CostParetoSweepTest {

    private static final Path PARETO = Paths.get("examples", "config", "sweeps", "cost-pareto-fixture.xml");

    @TempDir
    Path dir;

    @Test
    void eachRunHasItsCostAndTheSummaryPlotsAccuracyAgainstIt() throws IOException {
        Path output = dir.resolve("pareto");
        CliRun run = CliRun.of("sweep", "--config", SweepCommandTest.fixtureSweep(PARETO, dir.resolve("pareto.xml")).toString(),
                "--output", output.toString(), "--no-progress");
        assertEquals(0, run.code(), run.toString());

        RunResult budget = RunResult.read(output.resolve("runs").resolve("budget-150000_seed-1").resolve("result.json"));
        RunResult free = RunResult.read(output.resolve("runs").resolve("budget-1000000000_seed-1").resolve("result.json"));
        for (RunResult r : List.of(budget, free)) {
            assertEquals("PARAMETERS", r.costMetric(), r.name());
            assertNotNull(r.measuredCost(), r.name());
            // parameters are counted, not timed: the prediction is exact
            assertEquals(r.predictedCost(), r.measuredCost(), r.name());
        }
        assertTrue(budget.measuredCost() <= 150_000, "within its budget: " + budget.measuredCost());

        List<String> runs = Files.readAllLines(output.resolve(SummaryFiles.RUNS_CSV));
        assertTrue(runs.get(0).endsWith(",cost_metric,predicted_cost,measured_cost"), runs.get(0));
        assertTrue(runs.get(1).contains(",PARAMETERS,"), runs.get(1));
        String html = Files.readString(output.resolve(SummaryFiles.HTML));
        assertEquals(3, html.split("data:image/png;base64,", -1).length - 1, "accuracy, entropy and cost charts");
        assertTrue(html.contains("<th>measured cost</th>"), "the runs' table has the costs");
    }
}
