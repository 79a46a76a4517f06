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

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Locale;

/**
 * The facts about the machine a benchmark reports: the CPU model, this process's resident
 * memory, how busy other processes keep the CPU ({@link CpuSample}), and the header the step
 * benchmarks print above their tables so that a result says what it was measured on.
 */
final class BenchMachine {

    /** Cores used by other processes above which a measurement is flagged as contended. */
    static final double BUSY_CORES = 0.25;

    private BenchMachine() {}

    /**
     * Prints the markdown header of a step benchmark: date, versions, threads, JVM, OS, CPU, the
     * allocator settings and how busy the machine was over a one-second sample before the start.
     * @param out Where to print.
     * @param title The benchmark's title, the text of the {@code #} heading.
     * @param script The script that sets the allocator settings, named in the warning when they are unset.
     * @param engine The engine the benchmark runs on.
     * @param device The device the benchmark runs on.
     */
    static void printHeader(PrintStream out, String title, String script, Engine engine, Device device) {
        out.println("# " + title);
        out.println();
        out.println("- date: " + Instant.now());
        out.println("- versions: " + DjlRuntime.versions() + " (engine " + engine.getEngineName() + ", device "
                + Devices.name(device) + ")");
        String threads;
        try {
            threads = JniUtils.getNumThreads() + " intra-op / " + JniUtils.getNumInteropThreads() + " inter-op in use";
        } catch (RuntimeException | LinkageError e) {
            threads = "unknown in use";
        }
        out.println("- ai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "<unset>")
                + ", ai.djl.pytorch.num_interop_threads="
                + System.getProperty("ai.djl.pytorch.num_interop_threads", "<unset>") + " (" + threads + ")");
        out.println("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        out.println("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        out.println("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " available processors");
        String mmap = System.getenv("MALLOC_MMAP_THRESHOLD_");
        String trim = System.getenv("MALLOC_TRIM_THRESHOLD_");
        out.println("- MALLOC_MMAP_THRESHOLD_=" + (mmap == null ? "<unset>" : mmap) + ", MALLOC_TRIM_THRESHOLD_="
                + (trim == null ? "<unset>" : trim)
                + (mmap == null || trim == null ? " (WARNING: unset; page faults inflate step times, see "
                        + script + ")" : ""));
        out.println("- ai.djl.offline=" + System.getProperty("ai.djl.offline"));
        CpuSample before = CpuSample.now();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double other = CpuSample.otherCoresSince(before);
        out.printf(Locale.ROOT, "- other processes' CPU before start (1 s sample): %.2f cores%s%n", other,
                other > BUSY_CORES ? " (WARNING: the machine is busy; step times will be inflated)" : "");
    }

    /**
     * The CPU model name from /proc/cpuinfo.
     * @return The model name, or {@code unknown (arch)} where /proc/cpuinfo is missing or has none.
     */
    static String cpuModel() {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        int colon = line.indexOf(':');
                        return colon >= 0 ? line.substring(colon + 1).trim() : line.trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through to the generic answer.
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }

    /**
     * The process's resident set size (VmRSS in /proc/self/status).
     * @return Whole MB (rounded down), or -1 where /proc is unreadable (not Linux).
     */
    static long residentMegabytes() {
        long kilobytes = residentKilobytes();
        return kilobytes < 0 ? -1 : kilobytes / 1024;
    }

    /**
     * The process's resident set size (VmRSS in /proc/self/status).
     * @return kB, or -1 where /proc is unreadable (not Linux).
     */
    static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return -1;
    }

    /**
     * The process's minor page faults so far (field 10 of /proc/self/stat): on these VMs a fault
     * costs ~14 µs, so a step that takes fresh pages from the kernel is slow (docs/performance.md).
     * @return The count, or -1 where /proc is unreadable (not Linux).
     */
    static long minorFaults() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time from /proc/stat (whole machine) and /proc/self/stat (this process), to tell how
     * much of the machine other processes used while a benchmark ran.
     * @param machineBusy The machine's busy time, in clock ticks.
     * @param machineTotal The machine's total time, in clock ticks.
     * @param self This process's user and system time, in clock ticks.
     */
    record CpuSample(long machineBusy, long machineTotal, long self) {
        /**
         * Samples the counters now.
         * @return The sample, or null where /proc is unreadable (not Linux).
         */
        static CpuSample now() {
            try {
                String[] cpu = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                String stat = Files.readString(Paths.get("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name.
                long self = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return new CpuSample(total - idle, total, self);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * The average number of cores other processes kept busy between this sample and a later one.
         * @param later The later sample, or null.
         * @return Cores, NaN if {@code later} is null or no time passed.
         */
        double otherCoresUntil(CpuSample later) {
            if (later == null || later.machineTotal <= machineTotal) {
                return Double.NaN;
            }
            double busy = (later.machineBusy - machineBusy) - (later.self - self);
            return Math.max(0, busy) / (later.machineTotal - machineTotal) * Runtime.getRuntime().availableProcessors();
        }

        /**
         * The cores other processes kept busy from a sample until now.
         * @param start The earlier sample, or null if it could not be taken.
         * @return Cores, NaN where either sample is missing.
         */
        static double otherCoresSince(CpuSample start) {
            return start == null ? Double.NaN : start.otherCoresUntil(now());
        }
    }
}
