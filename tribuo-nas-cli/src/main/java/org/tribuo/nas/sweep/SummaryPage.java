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

/**
 * A {@link SweepSummary} as one self-contained HTML page: the groups' and runs' tables, the
 * accuracy chart and the entropy curves (and for cost-aware searches accuracy against measured
 * cost, with each run's predicted and measured cost), with a link to each run's own report.
 */
final class SummaryPage {

    private SummaryPage() {}

    /**
     * The page.
     * @param title The title.
     * @param summary The summary.
     * @return HTML.
     */
    static String html(String title, SweepSummary summary) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}code{font-size:90%}</style></head><body>\n<h1>")
                .append(esc(title)).append("</h1>\n<table><tr><th>group</th><th>runs</th><th>test accuracy (mean ± std)</th>"
                        + "<th>min</th><th>max</th><th>final entropy (mean)</th><th>ln K</th><th>wall time per run (s)</th></tr>\n");
        for (GroupSummary g : summary.groups()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%s ± %s</td><td>%s</td><td>%s</td>"
                            + "<td>%s</td><td>%s</td><td>%.1f</td></tr>%n", esc(g.group()), g.runs(), num(g.accuracyMean()),
                    num(g.accuracyStd()), num(g.accuracyMin()), num(g.accuracyMax()), num(g.finalEntropyMean()), num(g.maxEntropy()),
                    g.secondsMean()));
        }
        sb.append("</table>\n<p><img alt=\"test accuracy per group\" src=\"").append(SummaryCharts.accuracy(summary))
                .append("\"></p>\n<p><img alt=\"entropy curves\" src=\"").append(SummaryCharts.entropy(summary)).append("\"></p>\n");
        boolean costs = SummaryCharts.hasCosts(summary);
        if (costs) {
            sb.append("<p><img alt=\"test accuracy against measured cost\" src=\"").append(SummaryCharts.pareto(summary))
                    .append("\"></p>\n");
        }
        sb.append("<h2>Runs</h2>\n<table><tr><th>run</th><th>genotype</th><th>test accuracy</th><th>final entropy</th>"
                + "<th>wall time (s)</th>" + (costs ? "<th>predicted cost</th><th>measured cost</th>" : "") + "</tr>\n");
        for (RunResult r : summary.results()) {
            sb.append(String.format(Locale.ROOT, "<tr><td><a href=\"%s/%s/report.html\">%s</a></td><td><code>%s</code></td>"
                            + "<td>%s</td><td>%s</td><td>%.1f</td>", SweepRunner.RUNS_DIR, esc(r.name()), esc(r.name()),
                    esc(r.genotype()), num(r.testAccuracy() == null ? Double.NaN : r.testAccuracy()), num(r.finalEntropy()), r.seconds()));
            if (costs) {
                sb.append("<td>").append(num(r.predictedCost() == null ? Double.NaN : r.predictedCost())).append("</td><td>")
                        .append(num(r.measuredCost() == null ? Double.NaN : r.measuredCost())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
