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

import java.util.List;
import java.util.Locale;

import static org.tribuo.nas.examples.bench.BenchStats.ms;
import static org.tribuo.nas.examples.bench.BenchStats.percentile;

/**
 * The first table the step benchmarks print: per row, the median architecture, weight and total
 * step times, the 10th–90th percentile spread of the total and the non-finite step counts,
 * followed by the notes that define those columns.
 */
final class StepSummaryTable {

    private StepSummaryTable() {}

    /**
     * Prints the table and its notes to stdout, in markdown.
     * @param labels The rows' labels.
     * @param timings The rows' timings, null for a row that failed.
     * @param failures The rows' failures, read where the timings are null.
     * @param steps The measured steps per row.
     * @param warmup The warm-up steps per row.
     */
    static void print(List<String> labels, List<SearchStepTimer.Timings> timings, List<String> failures, int steps,
                      int warmup) {
        System.out.println("| config | arch step ms (median) | weight step ms (median) | total ms (median) "
                + "| p10–p90 total | non-finite (arch/weight) | steps |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < labels.size(); i++) {
            SearchStepTimer.Timings t = timings.get(i);
            if (t == null) {
                System.out.printf(Locale.ROOT, "| %s | failed: %s | | | | | |%n", labels.get(i), failures.get(i));
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s–%s | %d/%d | %d (+%d warm-up) |%n",
                    labels.get(i), ms(percentile(t.archMs(), 50)), ms(percentile(t.weightMs(), 50)),
                    ms(percentile(t.totalMs(), 50)), ms(percentile(t.totalMs(), 10)), ms(percentile(t.totalMs(), 90)),
                    t.archNonFinite(), t.weightNonFinite(), steps, warmup);
        }
        System.out.println();
        System.out.println("total = architecture step + weight step (the two SearchStep calls), excluding batch "
                + "creation and sub-manager close.");
        System.out.println("non-finite = measured steps whose gradient was not finite (architectureStep returned "
                + "false / weightStep finite=false; nothing was updated but the step was timed).");
        System.out.println();
    }
}
