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

import org.tribuo.nas.experiment.ConfigOverride;
import org.tribuo.nas.experiment.ExperimentConfig;
import org.tribuo.nas.experiment.ExperimentOutcome;
import org.tribuo.nas.experiment.ExperimentRun;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one {@link SweepRun} into {@code <sweep output>/runs/<run name>}: with the usual outputs of
 * an experiment (model, provenance, history, report, evaluation) and {@value #RESULT_FILE}. A run
 * whose result file exists is finished and is not run again; an interrupted one resumes from the
 * checkpoints in its folder. Used by the local sweep and by cluster jobs alike.
 */
public final class SweepRunner {

    /** The folder of the runs inside the sweep's output folder. */
    public static final String RUNS_DIR = "runs";
    /** The result file in a run's folder; its presence marks the run finished. */
    public static final String RESULT_FILE = "result.json";

    private SweepRunner() {}

    /**
     * The folder of a run.
     * @param sweepOutput The sweep's output folder.
     * @param run The run.
     * @return {@code <sweepOutput>/runs/<run name>}.
     */
    public static Path folder(Path sweepOutput, SweepRun run) {
        return sweepOutput.resolve(RUNS_DIR).resolve(run.name());
    }

    /**
     * The run's result if it has finished.
     * @param sweepOutput The sweep's output folder.
     * @param run The run.
     * @return Its result, or empty if it has not finished.
     * @throws IOException If a result file exists but cannot be read.
     */
    public static Optional<RunResult> finished(Path sweepOutput, SweepRun run) throws IOException {
        Path file = folder(sweepOutput, run).resolve(RESULT_FILE);
        return Files.isRegularFile(file) ? Optional.of(RunResult.read(file)) : Optional.empty();
    }

    /**
     * Runs a run unless it has finished.
     * @param sweepOutput The sweep's output folder.
     * @param run The run.
     * @param progress Told about every epoch.
     * @param out Where the run's lines go.
     * @return Its result.
     * @throws IOException If the data cannot be read or the outputs written.
     */
    public static RunResult run(Path sweepOutput, SweepRun run, TrainingProgress progress, PrintStream out) throws IOException {
        Optional<RunResult> done = finished(sweepOutput, run);
        if (done.isPresent()) {
            return done.get();
        }
        ExperimentConfig config = ExperimentConfig.load(Paths.get(run.experiment()), overrides(run));
        Path folder = folder(sweepOutput, run);
        ExperimentOutcome outcome = new ExperimentRun(config, progress, out, Optional.empty()).runInto(folder);
        RunResult result = RunResult.of(run, outcome);
        result.write(folder.resolve(RESULT_FILE));
        return result;
    }

    /**
     * The run's settings as overrides.
     * @param run The run.
     * @return One override per setting.
     */
    static List<ConfigOverride> overrides(SweepRun run) {
        List<ConfigOverride> out = new ArrayList<>();
        for (String s : run.settings()) {
            out.add(ConfigOverride.parse(s));
        }
        return out;
    }
}
