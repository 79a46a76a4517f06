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

import org.tribuo.nas.experiment.OutputFolder;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a sweep's runs one after another in this JVM, skipping finished runs and resuming an
 * interrupted one, then writes the summary.
 */
public final class LocalSweep {

    private final Sweep sweep;
    private final Function<SweepRun, TrainingProgress> progress;
    private final PrintStream out;

    /**
     * Creates a local sweep.
     * @param sweep The sweep.
     * @param progress The progress listener of each run.
     * @param out Where the runs' lines go.
     */
    public LocalSweep(Sweep sweep, Function<SweepRun, TrainingProgress> progress, PrintStream out) {
        this.sweep = sweep;
        this.progress = progress;
        this.out = out;
    }

    /**
     * Runs every unfinished run, then writes the summary files.
     * @param output The sweep's output folder.
     * @param title The summary's title.
     * @return The summary.
     * @throws IOException If a run fails (the runs before it stay finished) or a file cannot be written.
     */
    public SweepSummary runInto(Path output, String title) throws IOException {
        OutputFolder folder = OutputFolder.prepare(output);
        List<SweepRun> runs = sweep.runs();
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SweepRun run = runs.get(i);
            Optional<RunResult> done = SweepRunner.finished(folder.dir(), run);
            out.printf(Locale.ROOT, "%n=== Run %d of %d: %s %s%n", i + 1, runs.size(), run.name(),
                    done.isPresent() ? "(finished earlier, skipped)" : run.settings().toString());
            results.add(done.isPresent() ? done.get() : SweepRunner.run(folder.dir(), run, progress.apply(run), out));
        }
        SweepSummary summary = new SweepSummary(results);
        SummaryFiles.write(folder.dir(), title, summary);
        return summary;
    }
}
