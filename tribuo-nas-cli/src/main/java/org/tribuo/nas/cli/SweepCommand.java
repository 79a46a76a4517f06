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

import org.tribuo.nas.sweep.GroupSummary;
import org.tribuo.nas.sweep.LocalSweep;
import org.tribuo.nas.sweep.SummaryFiles;
import org.tribuo.nas.sweep.Sweep;
import org.tribuo.nas.sweep.SweepFile;
import org.tribuo.nas.sweep.SweepRun;
import org.tribuo.nas.sweep.SweepSummary;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/**
 * {@code tribuo-nas sweep}: runs an experiment for every combination of a sweep file's axes, each
 * into its own folder, and writes the summary.
 */
final class SweepCommand implements Command {

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "run an experiment for every combination of a sweep's axes and summarise the results";
    }

    @Override
    public String synopsis() {
        return "--config SWEEP_FILE [--output DIR] [--list] [--no-progress]";
    }

    @Override
    public String description() {
        return """
                Runs a sweep: the component 'sweep' (org.tribuo.nas.sweep.Sweep) of an OLCUT configuration
                file names an experiment configuration (as 'search' reads) and axes to vary, each either one
                setting with its values (e.g. trainer.seed = 1, 2, 3) or named choices that make several
                settings (e.g. gaea / darts architecture updates, or data sets). Every combination is a run,
                written to <output>/runs/<run name> with the outputs of 'search' and result.json. Every run's
                settings are checked before the first starts. Running the same command again skips finished
                runs and resumes an interrupted one from its checkpoints. At the end, summary.md, summary.csv
                (per group: test accuracy mean, std, min, max, mean final entropy, wall time), runs.csv and
                summary.html (tables, accuracy per group, entropy curves) are written to the output folder.
                Replicate axes (replicate=true, e.g. seeds) are averaged over; the other axes form the groups.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("config", "SWEEP_FILE", "the sweep file (required)"),
                OptionSpec.value("output", "DIR", "output folder (default: output/<sweep file name without extension>)"),
                OptionSpec.flag("list", "list the runs and their settings, run nothing"),
                OptionSpec.flag("no-progress", "no progress bar, only one line per epoch"));
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        Path file = Paths.get(args.required("config"));
        Sweep sweep = SweepFile.load(file);
        List<SweepRun> runs = sweep.runs();
        if (args.has("list")) {
            for (SweepRun run : runs) {
                console.out().println(run.name() + " (group " + run.group() + "): " + String.join(" ", run.settings()));
            }
            return TribuoNasCli.EXIT_OK;
        }
        Path output = args.value("output").map(Paths::get).orElseGet(() -> SearchCommand.defaultOutput(file));
        console.out().println("Sweep: " + file + ", " + runs.size() + " runs of " + sweep.experiment() + " into " + output);
        boolean bar = console.progressBar() && !args.has("no-progress");
        LocalSweep local = new LocalSweep(sweep, run -> new ConsoleProgress(console.out(), bar ? console.err() : null),
                console.out());
        SweepSummary summary = local.runInto(output, "Sweep " + file.getFileName());
        console.out().println();
        for (GroupSummary g : summary.groups()) {
            console.out().printf(Locale.ROOT, "%-30s %d runs  test accuracy %.4f ± %.4f  final entropy %.3f%n", g.group(),
                    g.runs(), g.accuracyMean(), g.accuracyStd(), g.finalEntropyMean());
        }
        console.out().println("Wrote " + SummaryFiles.MARKDOWN + ", " + SummaryFiles.GROUPS_CSV + ", " + SummaryFiles.RUNS_CSV
                + " and " + SummaryFiles.HTML + " to " + output);
        return TribuoNasCli.EXIT_OK;
    }
}
