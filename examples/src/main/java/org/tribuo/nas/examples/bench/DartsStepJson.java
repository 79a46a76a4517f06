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

package org.tribuo.nas.examples.bench;

import ai.djl.pytorch.jni.JniUtils;

import org.tribuo.nas.runtime.DjlRuntime;

import java.util.Locale;

import static org.tribuo.nas.examples.bench.BenchStats.percentile;

/**
 * The {@code --json} output of {@link DartsStepBenchmark}: one JSON object per row, with the
 * fields of {@code bench/pytorch/darts_step.py --json} so that the two sides' results can be
 * compared line by line.
 */
final class DartsStepJson {

    private DartsStepJson() {}

    /**
     * One row as a JSON object on one line.
     * @param row The row.
     * @param s The settings it ran with.
     * @param r Its result, null if it failed.
     * @param failure Why it failed, read where {@code r} is null.
     * @return The JSON object.
     */
    static String line(DartsStepBenchmark.Row row, DartsStepBenchmark.Settings s, DartsStepBenchmark.Result r,
                       String failure) {
        StringBuilder sb = new StringBuilder("{");
        sb.append(String.format(Locale.ROOT, "\"channels\": %d, \"layers\": %d, \"partial_channels\": %d, "
                        + "\"edge_weights\": %s, \"batch\": %d, \"input\": \"%s\"", row.channels(), row.layers(),
                row.partialChannels(), row.edgeWeights(), s.batch(), row.shape()));
        if (r == null) {
            return sb.append(", \"error\": \"").append(escape(failure)).append("\"}").toString();
        }
        String threads;
        String interop;
        try {
            threads = Integer.toString(JniUtils.getNumThreads());
            interop = Integer.toString(JniUtils.getNumInteropThreads());
        } catch (RuntimeException | LinkageError e) {
            threads = "null";
            interop = "null";
        }
        SearchStepTimer.Timings t = r.timings();
        sb.append(String.format(Locale.ROOT, ", \"classes\": %d, \"steps\": %d, \"warmup\": %d, \"threads\": %s, "
                        + "\"interop_threads\": %s, \"djl\": \"%s\", \"parameters\": %d, \"parameter_tensors\": %d, "
                        + "\"setup_s\": %.3f, \"arch_ms\": %s, \"weight_ms\": %s, \"total_ms\": %s, \"batch_ms\": %s, "
                        + "\"loop_ms\": %s, \"arch_nonfinite\": %d, \"weight_nonfinite\": %d, \"final_loss\": %s, "
                        + "\"rss_mb\": %d, \"other_cores\": %s}",
                s.classes(), s.steps(), s.warmup(), threads, interop, escape(DjlRuntime.versions()), r.parameters(),
                r.parameterTensors(), r.setupSeconds(), summary(t.archMs()), summary(t.weightMs()),
                summary(t.totalMs()), summary(t.batchMs()), summary(t.loopMs()), t.archNonFinite(),
                t.weightNonFinite(), number(t.lastLoss()), r.rssMegabytes(), number(t.otherCores())));
        return sb.toString();
    }

    private static String summary(double[] values) {
        return String.format(Locale.ROOT, "{\"median\": %s, \"p10\": %s, \"p90\": %s}",
                number(percentile(values, 50)), number(percentile(values, 10)), number(percentile(values, 90)));
    }

    private static String number(double v) {
        // NaN and infinities are not JSON numbers.
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
