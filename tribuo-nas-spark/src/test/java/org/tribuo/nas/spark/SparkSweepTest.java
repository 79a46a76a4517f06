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

import ai.djl.pytorch.jni.JniUtils;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.sweep.LocalSweep;
import org.tribuo.nas.sweep.SummaryFiles;
import org.tribuo.nas.sweep.Sweep;
import org.tribuo.nas.sweep.SweepFile;
import org.tribuo.nas.sweep.SweepRun;
import org.tribuo.nas.sweep.SweepRunner;
import org.tribuo.nas.testutil.FashionFixture;
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

/**
 * The committed comparison sweep (GAEA and DARTS, two seeds, tiny budgets on the Fashion-MNIST
 * fixture) as a Spark job on {@code local[2]}: two runs at a time, one core each, gives the
 * genotypes, accuracies, entropies and test predictions of the same sweep run locally with one
 * thread.
 */
class SparkSweepTest {

    @TempDir
    Path dir;

    @Test
    void aSparkSweepEqualsTheLocalSweep() throws IOException {
        Path root = Paths.get("").toAbsolutePath().getParent();
        String text = Files.readString(root.resolve("examples/config/sweeps/comparison-fixture.xml"))
                .replace("tribuo-nas/src/test/resources/fixtures/fashion-mnist/", FashionFixture.directory().toAbsolutePath() + "/");
        Sweep sweep = SweepFile.load(Files.writeString(dir.resolve("comparison-fixture.xml"), text));

        // Spark first: its tasks must load the PyTorch natives themselves, as on a fresh executor.
        Path spark = dir.resolve("spark");
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("tribuo-nas-spark-sweep-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            SparkSweep.run(sc, sweep, spark, "spark");
        }

        Path local = dir.resolve("local");
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            new LocalSweep(sweep, run -> TrainingProgress.NONE, quiet).runInto(local, "local");
        } finally {
            JniUtils.setNumThreads(threads);
        }

        assertEquals(withoutSeconds(local.resolve(SummaryFiles.RUNS_CSV)), withoutSeconds(spark.resolve(SummaryFiles.RUNS_CSV)));
        assertEquals(withoutSeconds(local.resolve(SummaryFiles.GROUPS_CSV)), withoutSeconds(spark.resolve(SummaryFiles.GROUPS_CSV)));
        for (SweepRun run : sweep.runs()) {
            assertEquals(Files.readString(SweepRunner.folder(local, run).resolve("predictions.csv")),
                    Files.readString(SweepRunner.folder(spark, run).resolve("predictions.csv")), run.name());
        }
    }

    /** The CSV's lines without its seconds columns (wall time differs between any two runs). */
    private static List<String> withoutSeconds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < header.length; i++) {
                if (!header[i].startsWith("seconds")) {
                    kept.append(cells[i]).append(',');
                }
            }
            out.add(kept.toString());
        }
        return out;
    }
}
