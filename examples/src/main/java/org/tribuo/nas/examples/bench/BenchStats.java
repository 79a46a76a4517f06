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

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary statistics of per-step timings, formatted as the benchmark tables print them.
 */
final class BenchStats {

    private BenchStats() {}

    /**
     * The linear-interpolation percentile (numpy's default) of unsorted values.
     * @param values The values; not modified.
     * @param p The percentile, 0 to 100.
     * @return The percentile.
     */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The 10th percentile, median and 90th percentile of timings.
     * @param values Milliseconds.
     * @return {@code "p10 / median / p90"}, each as {@link #ms(double)} formats it.
     */
    static String spread(double[] values) {
        return ms(percentile(values, 10)) + " / " + ms(percentile(values, 50)) + " / " + ms(percentile(values, 90));
    }

    /**
     * Formats milliseconds with two decimals below 10 and one above, so small and large steps
     * both show about three significant digits.
     * @param value Milliseconds.
     * @return The formatted value.
     */
    static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
