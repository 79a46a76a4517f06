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
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;

import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nb201.Nb201Network;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.train.Devices;
import org.tribuo.nas.train.DjlRuntime;
import org.tribuo.nas.train.SgdOptimizer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times one GAEA search step on the NAS-Bench-201 supernet: the architecture step and the weight
 * step of {@link SearchStep}, on synthetic (random) images, and prints a markdown table of the
 * median, 10th and 90th percentile step times in milliseconds.
 * <p>
 * Each timed step runs in its own {@code try (NDManager step = base.newSubManager())} scope, as
 * in the search loop; the batch tensors are made inside that scope but outside the timed region
 * (their cost is reported separately, in the detail table). The data are random, so the losses
 * mean nothing: this measures speed only.
 * <p>
 * Usage (normally through {@code scripts/bench-search-step.sh}, which sets the thread count and
 * the allocator settings the numbers depend on):
 * <pre>
 *   SearchStepBenchmark [--rows 1,2,3,4] [--steps 20] [--warmup 5] [--batch 64] [--images 512]
 *                       [--classes 10] [--lr 0.025] [--seed 1] [--device cpu] [--verbose true]
 *                       [--cell plain|fused]
 * </pre>
 * {@code --cell} picks the search cell implementation ({@link CellImplementation}; default plain),
 * so the same harness measures both.
 * {@code --rows} is a comma-separated list of preset numbers or custom rows {@code C:N:CxHxW}:
 * <ol>
 *   <li>C=16, N=5, 1x28x28 (the NAS-Bench-201 supernet on Fashion-MNIST-sized images);</li>
 *   <li>C=16, N=5, 3x32x32 (the NAS-Bench-201 supernet on CIFAR-10-sized images);</li>
 *   <li>C=8, N=1, 1x28x28 (the Fashion-MNIST example's first search supernet);</li>
 *   <li>C=16, N=1, 1x28x28 (the Fashion-MNIST example's current default search supernet).</li>
 * </ol>
 * e.g. {@code --rows 3,16:1:1x28x28}.
 */
public final class SearchStepBenchmark {

    private static final String DEFAULT_ROWS = "1,2,3,4";
    private static final int DEFAULT_STEPS = 20;
    private static final int DEFAULT_WARMUP = 5;
    /** Cores used by other processes above which a measurement is flagged as contended. */
    private static final double BUSY_CORES = 0.25;

    /** One benchmark configuration. */
    private record Row(String id, int channels, int cells, ImageShape shape) {
        String label(int batch, int classes) {
            return String.format(Locale.ROOT, "%s: C=%d N=%d B=%d %s (%d classes)", id, channels, cells, batch,
                    shape, classes);
        }
    }

    /** Per-step timings in milliseconds and the non-finite counts of one row. */
    private record Result(double[] batchMs, double[] archMs, double[] weightMs, double[] totalMs, double[] loopMs,
                          int archNonFinite, int weightNonFinite, long parameters, double setupSeconds,
                          long rssMegabytes, double otherCores) {}

    private static final Map<String, Row> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("1", new Row("1", 16, 5, new ImageShape(1, 28, 28)));
        PRESETS.put("2", new Row("2", 16, 5, new ImageShape(3, 32, 32)));
        PRESETS.put("3", new Row("3", 8, 1, new ImageShape(1, 28, 28)));
        PRESETS.put("4", new Row("4", 16, 1, new ImageShape(1, 28, 28)));
    }

    private SearchStepBenchmark() {}

    /**
     * Runs the benchmark.
     * @param args See the class documentation.
     */
    public static void main(String[] args) {
        DjlRuntime.preferOffline();
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.println(usage());
            return;
        }
        String rowsArg = settings.rowsArg();
        List<Row> rows = settings.rows();
        int steps = settings.steps();
        int warmup = settings.warmup();
        int batch = settings.batch();
        int images = settings.images();
        int classes = settings.classes();
        float lr = settings.lr();
        long seed = settings.seed();
        String deviceSetting = settings.device();
        boolean verbose = settings.verbose();
        CellImplementation cell = settings.cell();

        Engine engine = DjlRuntime.engine();
        Device device = Devices.resolve(deviceSetting);
        printHeader(engine, device);
        System.out.println("- search cell: " + cell.name().toLowerCase(Locale.ROOT));
        if (steps < DEFAULT_STEPS || warmup < DEFAULT_WARMUP) {
            System.out.printf(Locale.ROOT, "NOTE: %d measured / %d warm-up steps is below the %d / %d of a "
                    + "reportable run; treat the percentiles as rough.%n", steps, warmup, DEFAULT_STEPS, DEFAULT_WARMUP);
        }
        System.out.println();

        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            String label = row.label(batch, classes);
            System.err.printf(Locale.ROOT, "[bench] %s: %d warm-up + %d measured steps%n", label, warmup, steps);
            try {
                results.add(runRow(engine, device, row, batch, images, classes, lr, seed, steps, warmup, verbose, cell));
                failures.add(null);
            } catch (RuntimeException | OutOfMemoryError e) {
                System.err.println("[bench] " + label + " failed: " + e);
                results.add(null);
                failures.add(e.toString());
            }
        }

        System.out.println("| config | arch step ms (median) | weight step ms (median) | total ms (median) "
                + "| p10–p90 total | non-finite (arch/weight) | steps |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Result r = results.get(i);
            if (r == null) {
                System.out.printf(Locale.ROOT, "| %s | failed: %s | | | | | |%n", row.label(batch, classes),
                        failures.get(i));
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s–%s | %d/%d | %d (+%d warm-up) |%n",
                    row.label(batch, classes), ms(percentile(r.archMs, 50)), ms(percentile(r.weightMs, 50)),
                    ms(percentile(r.totalMs, 50)), ms(percentile(r.totalMs, 10)), ms(percentile(r.totalMs, 90)),
                    r.archNonFinite, r.weightNonFinite, steps, warmup);
        }
        System.out.println();
        System.out.println("total = architecture step + weight step (the two SearchStep calls), excluding batch "
                + "creation and sub-manager close.");
        System.out.println("non-finite = measured steps whose gradient was not finite (architectureStep returned "
                + "false / weightStep finite=false; nothing was updated but the step was timed).");
        System.out.println();

        System.out.println("Detail (ms, p10 / median / p90):");
        System.out.println();
        System.out.println("| config | params | batch creation | arch step | weight step | whole iteration | "
                + "setup s | RSS MB after | other processes' CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Result r = results.get(i);
            if (r == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %.1f | %d | %.2f%s |%n",
                    row.label(batch, classes), r.parameters, spread(r.batchMs), spread(r.archMs), spread(r.weightMs),
                    spread(r.loopMs), r.setupSeconds, r.rssMegabytes, r.otherCores,
                    r.otherCores > BUSY_CORES ? " (contended!)" : "");
        }
        System.out.println();
        System.out.println("whole iteration = both sub-manager scopes: batch creation + both steps + closing the "
                + "step managers (what one step of the search loop costs).");
        System.out.println("other processes' CPU = average cores busy outside this JVM during the measured steps "
                + "(from /proc/stat); above " + BUSY_CORES + " the times are not trustworthy.");
        System.out.println();
        System.out.println("Reproduce:");
        System.out.printf(Locale.ROOT, "  THREADS=%s scripts/bench-search-step.sh --rows %s --steps %d --warmup %d "
                        + "--batch %d --images %d --classes %d --lr %s --seed %d --device %s --cell %s%n",
                System.getProperty("ai.djl.pytorch.num_threads", "<unset>"), rowsArg, steps, warmup, batch, images,
                classes, lr, seed, deviceSetting, cell.name().toLowerCase(Locale.ROOT));
        System.out.println("  JVM arguments: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        if (results.contains(null)) {
            System.exit(1);
        }
    }

    private static Result runRow(Engine engine, Device device, Row row, int batch, int images, int classes, float lr,
                                 long seed, int steps, int warmup, boolean verbose, CellImplementation cell) {
        ImageData data = randomData(row.shape, images, classes, seed);
        long setupStart = System.nanoTime();
        DjlRuntime.seed(seed);
        Nb201Space space = Nb201Space.withoutNone();
        try (NDManager base = engine.newBaseManager(device)) {
            OpSelection selection = new OpSelection();
            Nb201Network supernet = Nb201Networks.supernet(space, row.channels, row.cells, classes, selection, cell);
            supernet.initialize(base, DataType.FLOAT32,
                    new Shape(1, row.shape.channels(), row.shape.height(), row.shape.width()),
                    new Shape(Nb201Space.NUM_EDGES, space.numOps()));
            ExponentiatedGradient arch = new ExponentiatedGradient(Nb201Space.NUM_EDGES, space.numOps(),
                    ExponentiatedGradient.DEFAULT_LEARNING_RATE);
            try (SgdOptimizer sgd = new SgdOptimizer(supernet, base, 0.9f, 3e-4f, 5f)) {
                long parameters = 0;
                for (Parameter p : sgd.parameters()) {
                    parameters += p.getArray().size();
                }
                SearchStep searchStep = new SearchStep(supernet, new ArchitectureWeights(arch, java.util.List.of()), selection, sgd, engine);
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                BatchSampler archSampler = new BatchSampler(images, batch, true, seed + 1);
                BatchSampler weightSampler = new BatchSampler(images, batch, true, seed + 2);
                BatchCursor archBatches = new BatchCursor(archSampler);
                BatchCursor weightBatches = new BatchCursor(weightSampler);

                double[] batchMs = new double[steps];
                double[] archMs = new double[steps];
                double[] weightMs = new double[steps];
                double[] totalMs = new double[steps];
                double[] loopMs = new double[steps];
                int archNonFinite = 0;
                int weightNonFinite = 0;
                CpuSample cpuStart = null;
                for (int i = 0; i < warmup + steps; i++) {
                    if (i == warmup) {
                        cpuStart = CpuSample.now();
                    }
                    int[] archBatch = archBatches.next();
                    int[] weightBatch = weightBatches.next();

                    long t0 = System.nanoTime();
                    long archStart;
                    long archEnd;
                    boolean archFinite;
                    try (NDManager step = base.newSubManager()) {
                        NDArray x = BatchFactory.images(step, data, archBatch, null);
                        NDArray y = BatchFactory.labels(step, data, archBatch);
                        archStart = System.nanoTime();
                        archFinite = searchStep.architectureStep(step, x, y);
                        archEnd = System.nanoTime();
                    }
                    long t1 = System.nanoTime();
                    long weightStart;
                    long weightEnd;
                    SearchStep.WeightStepResult w;
                    try (NDManager step = base.newSubManager()) {
                        NDArray x = BatchFactory.images(step, data, weightBatch, null);
                        NDArray y = BatchFactory.labels(step, data, weightBatch);
                        weightStart = System.nanoTime();
                        w = searchStep.weightStep(step, x, y, lr);
                        weightEnd = System.nanoTime();
                    }
                    long t2 = System.nanoTime();

                    double archStep = (archEnd - archStart) / 1e6;
                    double weightStep = (weightEnd - weightStart) / 1e6;
                    boolean measured = i >= warmup;
                    if (measured) {
                        int m = i - warmup;
                        batchMs[m] = ((archStart - t0) + (weightStart - t1)) / 1e6;
                        archMs[m] = archStep;
                        weightMs[m] = weightStep;
                        totalMs[m] = archStep + weightStep;
                        loopMs[m] = (t2 - t0) / 1e6;
                        archNonFinite += archFinite ? 0 : 1;
                        weightNonFinite += w.finite() ? 0 : 1;
                    }
                    if (verbose || !archFinite || !w.finite()
                            || (measured && ((i - warmup + 1) % 5 == 0 || i == warmup + steps - 1))
                            || i == warmup - 1) {
                        System.err.printf(Locale.ROOT, "[bench]   %s step %d/%d: arch %s ms%s, weight %s ms%s, loss %.3f%n",
                                measured ? "measured" : "warm-up", measured ? i - warmup + 1 : i + 1,
                                measured ? steps : warmup, ms(archStep), archFinite ? "" : " (non-finite)",
                                ms(weightStep), w.finite() ? "" : " (non-finite)", w.loss());
                    }
                }
                double otherCores = cpuStart == null ? Double.NaN : cpuStart.otherCoresUntil(CpuSample.now());
                return new Result(batchMs, archMs, weightMs, totalMs, loopMs, archNonFinite, weightNonFinite,
                        parameters, setupSeconds, residentMegabytes(), otherCores);
            }
        }
    }

    /**
     * CPU time from /proc/stat (whole machine) and /proc/self/stat (this process), to tell how
     * much of the machine other processes used while a row ran.
     */
    private record CpuSample(long machineBusy, long machineTotal, long self) {
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

        /** The average number of cores other processes kept busy between this sample and a later one. */
        double otherCoresUntil(CpuSample later) {
            if (later == null || later.machineTotal <= machineTotal) {
                return Double.NaN;
            }
            double busy = (later.machineBusy - machineBusy) - (later.self - self);
            return Math.max(0, busy) / (later.machineTotal - machineTotal) * Runtime.getRuntime().availableProcessors();
        }
    }

    /** Cycles through the epochs of a sampler. */
    private static final class BatchCursor {
        private final BatchSampler sampler;
        private int[][] epoch;
        private int next;

        BatchCursor(BatchSampler sampler) {
            this.sampler = sampler;
            this.epoch = sampler.epochBatches();
        }

        int[] next() {
            if (next == epoch.length) {
                epoch = sampler.epochBatches();
                next = 0;
            }
            return epoch[next++];
        }
    }

    /** Standard-normal pixels (roughly what normalized images look like) and uniform labels. */
    private static ImageData randomData(ImageShape shape, int images, int classes, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[images * shape.pixels()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[images];
        for (int i = 0; i < images; i++) {
            labels[i] = random.nextInt(classes);
        }
        return new ImageData(shape, pixels, labels);
    }

    private static void printHeader(Engine engine, Device device) {
        System.out.println("# NAS-Bench-201 supernet search-step benchmark (GAEA, EG, single-level step pair)");
        System.out.println();
        System.out.println("- date: " + Instant.now());
        System.out.println("- versions: " + DjlRuntime.versions() + " (engine " + engine.getEngineName() + ", device "
                + Devices.name(device) + ")");
        String threads;
        try {
            threads = JniUtils.getNumThreads() + " intra-op / " + JniUtils.getNumInteropThreads() + " inter-op in use";
        } catch (RuntimeException | LinkageError e) {
            threads = "unknown in use";
        }
        System.out.println("- ai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "<unset>")
                + ", ai.djl.pytorch.num_interop_threads="
                + System.getProperty("ai.djl.pytorch.num_interop_threads", "<unset>") + " (" + threads + ")");
        System.out.println("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        System.out.println("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        System.out.println("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " available processors");
        String mmap = System.getenv("MALLOC_MMAP_THRESHOLD_");
        String trim = System.getenv("MALLOC_TRIM_THRESHOLD_");
        System.out.println("- MALLOC_MMAP_THRESHOLD_=" + (mmap == null ? "<unset>" : mmap) + ", MALLOC_TRIM_THRESHOLD_="
                + (trim == null ? "<unset>" : trim)
                + (mmap == null || trim == null ? " (WARNING: unset; page faults inflate step times, see "
                        + "scripts/bench-search-step.sh)" : ""));
        System.out.println("- ai.djl.offline=" + System.getProperty("ai.djl.offline"));
        CpuSample before = CpuSample.now();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double other = before == null ? Double.NaN : before.otherCoresUntil(CpuSample.now());
        System.out.printf(Locale.ROOT, "- other processes' CPU before start (1 s sample): %.2f cores%s%n", other,
                other > BUSY_CORES ? " (WARNING: the machine is busy; step times will be inflated)" : "");
    }

    private static String cpuModel() {
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

    /** The process's resident set size from /proc/self/status, or -1 if unreadable. */
    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return -1;
    }

    /** Linear-interpolation percentile (numpy's default) of unsorted values. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String spread(double[] values) {
        return ms(percentile(values, 10)) + " / " + ms(percentile(values, 50)) + " / " + ms(percentile(values, 90));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    /** The parsed command line. */
    private record Settings(String rowsArg, List<Row> rows, int steps, int warmup, int batch, int images, int classes,
                            float lr, long seed, String device, boolean verbose, CellImplementation cell) {
        /** Parses the arguments; null means --help. */
        static Settings parse(String[] args) {
            Map<String, String> a = parseArgs(args);
            if (a.containsKey("help")) {
                return null;
            }
            String rowsArg = a.getOrDefault("rows", DEFAULT_ROWS);
            int batch = intArg(a, "batch", 64, 1);
            int images = intArg(a, "images", 512, 1);
            if (batch > images) {
                throw new IllegalArgumentException("--batch " + batch + " exceeds --images " + images);
            }
            float lr;
            long seed;
            try {
                lr = Float.parseFloat(a.getOrDefault("lr", "0.025"));
                seed = Long.parseLong(a.getOrDefault("seed", "1"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lr and --seed expect numbers: " + e.getMessage(), e);
            }
            if (!(lr > 0) || Float.isInfinite(lr)) {
                throw new IllegalArgumentException("--lr must be positive and finite, got " + lr);
            }
            String verbose = a.getOrDefault("verbose", "false");
            if (!verbose.equals("true") && !verbose.equals("false")) {
                throw new IllegalArgumentException("--verbose expects true or false, got '" + verbose + "'");
            }
            return new Settings(rowsArg, parseRows(rowsArg), intArg(a, "steps", DEFAULT_STEPS, 1),
                    intArg(a, "warmup", DEFAULT_WARMUP, 0), batch, images, intArg(a, "classes", 10, 2), lr, seed,
                    a.getOrDefault("device", "cpu"), Boolean.parseBoolean(verbose),
                    CellImplementation.fromName(a.getOrDefault("cell", "plain")));
        }
    }

    private static List<Row> parseRows(String spec) {
        List<Row> rows = new ArrayList<>();
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            Row preset = PRESETS.get(item);
            if (preset != null) {
                rows.add(preset);
                continue;
            }
            String[] fields = item.split(":");
            if (fields.length != 3) {
                throw new IllegalArgumentException("--rows item '" + item + "' is neither a preset ("
                        + String.join(", ", PRESETS.keySet()) + ") nor C:N:CxHxW, e.g. 16:1:1x28x28");
            }
            try {
                rows.add(new Row(item, Integer.parseInt(fields[0].trim()), Integer.parseInt(fields[1].trim()),
                        ImageShape.parse(fields[2])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rows item '" + item + "': C and N must be integers", e);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--rows selects no rows");
        }
        return rows;
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                values.put("help", "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!List.of("rows", "steps", "warmup", "batch", "images", "classes", "lr", "seed", "device", "verbose",
                    "cell")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, args[++i]);
        }
        return values;
    }

    private static int intArg(Map<String, String> a, String name, int fallback, int min) {
        String v = a.get(name);
        if (v == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects an integer, got '" + v + "'", e);
        }
        if (value < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    private static String usage() {
        return "usage: SearchStepBenchmark [--rows " + DEFAULT_ROWS + "] [--steps " + DEFAULT_STEPS + "] [--warmup " + DEFAULT_WARMUP
                + "] [--batch 64] [--images 512] [--classes 10] [--lr 0.025] [--seed 1] [--device cpu] [--verbose true]\n"
                + "                           [--cell plain|fused]\n"
                + "  --cell: the search cell implementation (default plain)\n"
                + "  --rows: comma-separated presets or C:N:CxHxW items; presets:\n"
                + "    1 = C=16 N=5 1x28x28, 2 = C=16 N=5 3x32x32, 3 = C=8 N=1 1x28x28, 4 = C=16 N=1 1x28x28\n"
                + "  (3 and 4: the Fashion-MNIST example's search supernet, first and current default)";
    }
}
