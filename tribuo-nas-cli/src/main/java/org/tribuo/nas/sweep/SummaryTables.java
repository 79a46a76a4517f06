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

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link SweepSummary} as text: a Markdown page and two CSV tables (one row per group, one row
 * per run).
 */
final class SummaryTables {

    private SummaryTables() {}

    /**
     * The Markdown summary: the groups' table, then the runs' table.
     * @param title The page title.
     * @param summary The summary.
     * @return Markdown.
     */
    static String markdown(String title, SweepSummary summary) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        sb.append("| group | runs | test accuracy (mean ± std) | min | max | final entropy (mean; ln K) | wall time per run (s) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (GroupSummary g : summary.groups()) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s ± %s | %s | %s | %s | %.1f |%n", g.group(), g.runs(),
                    num(g.accuracyMean()), num(g.accuracyStd()), num(g.accuracyMin()), num(g.accuracyMax()),
                    Double.isNaN(g.finalEntropyMean()) ? NOT_SEARCHED
                            : String.format(Locale.ROOT, "%.3f (%.3f)", g.finalEntropyMean(), g.maxEntropy()),
                    g.secondsMean()));
        }
        sb.append("\n| run | genotype | test accuracy | final entropy | wall time (s) |\n|---|---|---:|---:|---:|\n");
        for (RunResult r : summary.results()) {
            sb.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %.1f |%n", r.name(), r.genotype().replace("|", "\\|"),
                    num(r.testAccuracy() == null ? Double.NaN : r.testAccuracy()),
                    Double.isNaN(r.finalEntropy()) ? NOT_SEARCHED : String.format(Locale.ROOT, "%.3f", r.finalEntropy()),
                    r.seconds()));
        }
        return sb.toString();
    }

    /**
     * One CSV row per group.
     * @param summary The summary.
     * @return CSV with a header row.
     */
    static String groupsCsv(SweepSummary summary) {
        StringBuilder sb = new StringBuilder("group,runs,accuracy_mean,accuracy_std,accuracy_min,accuracy_max,"
                + "final_entropy_mean,max_entropy,seconds_mean,seconds_total\n");
        for (GroupSummary g : summary.groups()) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%s,%s,%.3f,%.3f%n", g.group(), g.runs(),
                    csv(g.accuracyMean()), csv(g.accuracyStd()), csv(g.accuracyMin()), csv(g.accuracyMax()),
                    csv(g.finalEntropyMean()), csv(g.maxEntropy()), g.secondsMean(), g.secondsTotal()));
        }
        return sb.toString();
    }

    /**
     * One CSV row per run, with its entropy after each search epoch (';'-separated).
     * @param summary The summary.
     * @return CSV with a header row.
     */
    static String runsCsv(SweepSummary summary) {
        StringBuilder sb = new StringBuilder("run,group,genotype,test_accuracy,final_entropy,max_entropy,seconds,entropy_per_epoch,"
                + "cost_metric,predicted_cost,measured_cost\n");
        for (RunResult r : summary.results()) {
            String entropy = r.entropy().stream().map(e -> String.format(Locale.ROOT, "%.6f", e)).collect(Collectors.joining(";"));
            sb.append(String.format(Locale.ROOT, "%s,%s,\"%s\",%s,%s,%s,%.3f,%s,%s,%s,%s%n", r.name(), r.group(), r.genotype(),
                    csv(r.testAccuracy() == null ? Double.NaN : r.testAccuracy()), csv(r.finalEntropy()), csv(r.maxEntropy()),
                    r.seconds(), entropy, r.costMetric() == null ? "" : r.costMetric(),
                    csv(r.predictedCost() == null ? Double.NaN : r.predictedCost()),
                    csv(r.measuredCost() == null ? Double.NaN : r.measuredCost())));
        }
        return sb.toString();
    }

    /** The entropy cell of runs that drew a random cell instead of searching (randomCell). */
    private static final String NOT_SEARCHED = "– (no search)";

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csv(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
