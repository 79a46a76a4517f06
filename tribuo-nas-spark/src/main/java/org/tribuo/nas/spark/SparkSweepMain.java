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

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.UsageException;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.tribuo.nas.sweep.GroupSummary;
import org.tribuo.nas.sweep.Sweep;
import org.tribuo.nas.sweep.SweepFile;
import org.tribuo.nas.sweep.SweepSummary;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * {@code spark-submit --class org.tribuo.nas.spark.SparkSweepMain JOB.jar --sweep FILE --output DIR [--master URL]}:
 * checks the sweep file (every run's settings) on the driver, runs it as one Spark job and writes
 * the summary files of {@code tribuo-nas sweep}.
 */
public final class SparkSweepMain {

    private SparkSweepMain() {}

    /**
     * Runs the job.
     * @param args See {@link SparkSweepOptions}.
     * @throws IOException If the sweep file cannot be read or the outputs written.
     */
    public static void main(String[] args) throws IOException {
        SparkSweepOptions options = new SparkSweepOptions();
        try (ConfigurationManager cm = new ConfigurationManager(args, options, false)) {
            if (options.sweep == null || options.output == null) {
                throw new UsageException("both --sweep and --output are required");
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(e.getUsage());
            System.exit(2);
            return;
        }
        DjlRuntime.preferOffline();
        Path file = Paths.get(options.sweep);
        Sweep sweep = SweepFile.load(file);
        SparkConf conf = new SparkConf().setAppName("tribuo-nas sweep " + file.getFileName());
        if (!options.master.isEmpty()) {
            conf.setMaster(options.master);
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SweepSummary summary = SparkSweep.run(spark, sweep, Paths.get(options.output), "Sweep " + file.getFileName());
            for (GroupSummary g : summary.groups()) {
                System.out.printf(Locale.ROOT, "%-30s %d runs  test accuracy %.4f ± %.4f  final entropy %.3f%n", g.group(),
                        g.runs(), g.accuracyMean(), g.accuracyStd(), g.finalEntropyMean());
            }
            System.out.println("Wrote the summary to " + options.output);
        }
    }
}
