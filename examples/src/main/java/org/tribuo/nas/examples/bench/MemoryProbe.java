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

import ai.djl.ndarray.NDManager;

import org.tribuo.nas.runtime.DjlRuntime;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What the soak benchmarks sample: the process's resident memory, the JVM heap, the native
 * arrays alive in DJL's system manager, and the least-squares slope of a series.
 */
final class MemoryProbe {

    private MemoryProbe() {}

    /**
     * The resident set size of this process (Linux).
     * @return VmRSS in MB (with the fraction, for the slopes), NaN where /proc is missing.
     */
    static double residentMegabytes() {
        long kilobytes = BenchMachine.residentKilobytes();
        return kilobytes < 0 ? Double.NaN : kilobytes / 1024.0;
    }

    /**
     * The committed JVM heap.
     * @return MB.
     */
    static double heapMegabytes() {
        return Runtime.getRuntime().totalMemory() / 1048576.0;
    }

    /**
     * The JVM's direct buffers (DJL stages array data in them).
     * @return MB in use.
     */
    static double directMegabytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum() / 1048576.0;
    }

    /**
     * The native arrays alive under DJL's system manager.
     * @return Their count.
     */
    static int liveNativeArrays() {
        try (NDManager probe = DjlRuntime.engine().newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    /**
     * The least-squares slope of a series.
     * @param points The points.
     * @param x Their abscissa.
     * @param y Their ordinate.
     * @param <T> The point type.
     * @return dy/dx, 0 for fewer than two distinct abscissas.
     */
    static <T> double slope(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        double n = points.size();
        double mx = points.stream().mapToDouble(x).sum() / n;
        double my = points.stream().mapToDouble(y).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (T p : points) {
            sxy += (x.applyAsDouble(p) - mx) * (y.applyAsDouble(p) - my);
            sxx += (x.applyAsDouble(p) - mx) * (x.applyAsDouble(p) - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
