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

import java.util.List;
import java.util.Objects;

/**
 * The runs of one group of a sweep (one combination of its non-replicate axes) in figures.
 *
 * @param group The group's label.
 * @param runs How many runs it has.
 * @param accuracyMean Mean test accuracy; NaN when the experiment has no test source.
 * @param accuracyStd Sample standard deviation (n − 1) of the test accuracy; NaN for fewer than two runs.
 * @param accuracyMin Lowest test accuracy.
 * @param accuracyMax Highest test accuracy.
 * @param finalEntropyMean Mean over runs of the mean edge entropy after the last search epoch.
 * @param maxEntropy ln K, the entropy of a uniform α.
 * @param secondsMean Mean wall time per run.
 * @param secondsTotal Total wall time of the runs.
 */
public record GroupSummary(String group, int runs, double accuracyMean, double accuracyStd, double accuracyMin,
                           double accuracyMax, double finalEntropyMean, double maxEntropy, double secondsMean,
                           double secondsTotal) {

    /**
     * Summarises a group's results.
     * @param group The group.
     * @param results Its runs' results (at least one).
     * @return The summary.
     */
    public static GroupSummary of(String group, List<RunResult> results) {
        double[] accuracy = results.stream().map(RunResult::testAccuracy).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
        boolean tested = accuracy.length == results.size();
        double mean = tested ? mean(accuracy) : Double.NaN;
        double std = Double.NaN;
        if (tested && accuracy.length > 1) {
            double ss = 0;
            for (double a : accuracy) {
                ss += (a - mean) * (a - mean);
            }
            std = Math.sqrt(ss / (accuracy.length - 1));
        }
        double min = tested ? java.util.Arrays.stream(accuracy).min().orElseThrow() : Double.NaN;
        double max = tested ? java.util.Arrays.stream(accuracy).max().orElseThrow() : Double.NaN;
        double entropy = mean(results.stream().mapToDouble(RunResult::finalEntropy).toArray());
        double[] seconds = results.stream().mapToDouble(RunResult::seconds).toArray();
        return new GroupSummary(group, results.size(), mean, std, min, max, entropy, results.get(0).maxEntropy(),
                mean(seconds), mean(seconds) * seconds.length);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
