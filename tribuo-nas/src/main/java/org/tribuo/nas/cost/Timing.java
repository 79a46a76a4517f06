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

package org.tribuo.nas.cost;

import java.util.Arrays;

/**
 * The timing protocol of every latency meter: warm-up calls, then the median of timed calls.
 *
 * @param warmup Untimed calls first (lazy initialization, caches, branch predictors).
 * @param repetitions Timed calls; the median is reported.
 */
record Timing(int warmup, int repetitions) {

    /**
     * Checks the counts.
     */
    Timing {
        if (warmup < 0 || repetitions < 1) {
            throw new IllegalArgumentException("timing needs warmup >= 0 and repetitions >= 1, got " + warmup + ", "
                    + repetitions);
        }
    }

    /**
     * The median wall time of a call.
     * @param call The call.
     * @return Milliseconds.
     */
    double medianMillis(Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        long[] nanos = new long[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = repetitions % 2 == 1 ? nanos[repetitions / 2]
                : (nanos[repetitions / 2 - 1] + nanos[repetitions / 2]) / 2.0;
        return median / 1e6;
    }
}
