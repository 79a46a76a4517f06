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

package org.tribuo.nas.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.tribuo.nas.experiment.OutputFolder;
import org.tribuo.nas.sweep.RunResult;
import org.tribuo.nas.sweep.SummaryFiles;
import org.tribuo.nas.sweep.Sweep;
import org.tribuo.nas.sweep.SweepRun;
import org.tribuo.nas.sweep.SweepSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A sweep as one Spark job: every run is one task (one partition per run), the results are
 * collected on the driver in run order and summarised into the same files as a local sweep.
 * The experiment's data paths and the output folder must be reachable under the same path from
 * the driver and every executor (a shared file system).
 */
public final class SparkSweep {

    private SparkSweep() {}

    /**
     * Runs a sweep's runs as Spark tasks and writes the summary.
     * @param spark The Spark context.
     * @param sweep The sweep.
     * @param output The sweep's output folder, on a file system every executor shares.
     * @param title The summary's title.
     * @return The summary.
     * @throws IOException If the output folder or the summary cannot be written.
     */
    public static SweepSummary run(JavaSparkContext spark, Sweep sweep, Path output, String title) throws IOException {
        OutputFolder folder = OutputFolder.prepare(output);
        List<SweepRun> runs = sweep.runs();
        spark.setJobDescription("tribuo-nas sweep: " + title + " (" + runs.size() + " runs)");
        List<Integer> indices = IntStream.range(0, runs.size()).boxed().toList();
        List<String> json = spark.parallelize(indices, runs.size())
                .map(new SweepTask(folder.dir().toString(), runs))
                .collect();
        List<RunResult> results = new ArrayList<>();
        for (String j : json) {
            results.add(RunResult.fromJson(j));
        }
        SweepSummary summary = new SweepSummary(results);
        SummaryFiles.write(folder.dir(), title, summary);
        return summary;
    }
}
