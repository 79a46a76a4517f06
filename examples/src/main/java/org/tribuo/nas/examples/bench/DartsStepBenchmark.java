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
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;

import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.train.Devices;
import org.tribuo.nas.train.DjlRuntime;
import org.tribuo.nas.train.SgdOptimizer;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times one GAEA search step on the DARTS cell-space supernet (GAEA PC-DARTS: partial channels
 * K=4, EG on α [28, 8] and on the per-node edge weights β; or plain GAEA DARTS: K=1, no β): the
 * architecture step and the weight step of {@link SearchStep}, on synthetic (random) images, and
 * prints a markdown table of the median, 10th and 90th percentile step times in milliseconds, or
 * with {@code --json} one JSON object per row (the fields of {@code bench/pytorch/darts_step.py}).
 * <p>
 * The supernet, the architecture optimizers and the SGD optimizer are built exactly as
 * {@code GaeaSearch} builds them from a {@link SearchConfig} (space {@code darts}, all eight ops;
 * α: EG η 0.1 clamped at 1e-5; β: one EG η 0.1 simplex per node, not clamped; SGD momentum 0.9,
 * weight decay 3e-4, gradient-norm clip 5). Timing follows {@link SearchStepBenchmark}: each timed
 * step runs in its own {@code try (NDManager step = base.newSubManager())} scope, the batch
 * tensors are made inside that scope but outside the timed region, and total = arch + weight.
 * <p>
 * Usage (normally through {@code scripts/bench-darts-step.sh}, which sets the thread count and
 * the allocator settings the numbers depend on):
 * <pre>
 *   DartsStepBenchmark [--rows 1,2] [--steps 20] [--warmup 5] [--batch 32] [--images 512]
 *                      [--classes 10] [--lr 0.025] [--seed 1] [--device cpu] [--verbose true] [--json]
 *                      [--cell fused|plain]
 * </pre>
 * {@code --cell} picks the search cell implementation ({@link CellImplementation}; default fused,
 * as the library's DARTS space).
 * {@code --rows} is a comma-separated list of preset numbers or custom rows {@code C:L:K:CxHxW}
 * (C channels, L cells, K partial channels; edge weights β are on when K &gt; 1, GAEA PC-DARTS,
 * and off when K = 1, GAEA DARTS; a fifth field {@code beta} or {@code nobeta} overrides that):
 * <ol>
 *   <li>C=16, L=8, K=4 with β, 3x32x32 (the GAEA PC-DARTS search supernet on CIFAR-10-sized images);</li>
 *   <li>C=16, L=8, K=4 with β, 1x28x28 (the same on Fashion-MNIST-sized images);</li>
 *   <li>C=16, L=8, K=1 without β, 3x32x32 (the plain DARTS supernet);</li>
 *   <li>C=16, L=8, K=1 without β, 1x28x28.</li>
 * </ol>
 */
public final class DartsStepBenchmark {

    private static final String DEFAULT_ROWS = "1,2";
    private static final int DEFAULT_STEPS = 20;
    private static final int DEFAULT_WARMUP = 5;
    private static final int DEFAULT_BATCH = 32;
    /** Cores used by other processes above which a measurement is flagged as contended. */
    private static final double BUSY_CORES = 0.25;

    /** One benchmark configuration. */
    private record Row(String id, int channels, int layers, int partialChannels, boolean edgeWeights, ImageShape shape) {
        String label(int batch, int classes) {
            return String.format(Locale.ROOT, "%s: DARTS C=%d L=%d K=%d %s B=%d %s (%d classes)", id, channels, layers,
                    partialChannels, edgeWeights ? "β" : "no-β", batch, shape, classes);
        }
    }

    /** Per-step timings in milliseconds and the non-finite counts of one row. */
    private record Result(double[] batchMs, double[] archMs, double[] weightMs, double[] totalMs, double[] loopMs,
                          int archNonFinite, int weightNonFinite, long parameters, int parameterTensors,
                          double setupSeconds, long rssMegabytes, double otherCores, float finalLoss) {}

    private static final Map<String, Row> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("1", new Row("1", 16, 8, 4, true, new ImageShape(3, 32, 32)));
        PRESETS.put("2", new Row("2", 16, 8, 4, true, new ImageShape(1, 28, 28)));
        PRESETS.put("3", new Row("3", 16, 8, 1, false, new ImageShape(3, 32, 32)));
        PRESETS.put("4", new Row("4", 16, 8, 1, false, new ImageShape(1, 28, 28)));
    }

    private DartsStepBenchmark() {}

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
        List<Row> rows = settings.rows();
        int steps = settings.steps();
        int warmup = settings.warmup();
        int batch = settings.batch();
        int classes = settings.classes();
        boolean json = settings.json();

        Engine engine = DjlRuntime.engine();
        Device device = Devices.resolve(settings.device());
        // In --json mode stdout carries only the JSON lines; the header goes to stderr.
        PrintStream report = json ? System.err : System.out;
        printHeader(report, engine, device);
        if (steps < DEFAULT_STEPS || warmup < DEFAULT_WARMUP) {
            report.printf(Locale.ROOT, "NOTE: %d measured / %d warm-up steps is below the %d / %d of a "
                    + "reportable run; treat the percentiles as rough.%n", steps, warmup, DEFAULT_STEPS, DEFAULT_WARMUP);
        }
        report.println();

        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            String label = row.label(batch, classes);
            System.err.printf(Locale.ROOT, "[bench] %s: %d warm-up + %d measured steps%n", label, warmup, steps);
            Result r;
            try {
                r = runRow(engine, device, row, settings);
                results.add(r);
                failures.add(null);
            } catch (RuntimeException | OutOfMemoryError e) {
                System.err.println("[bench] " + label + " failed: " + e);
                r = null;
                results.add(null);
                failures.add(e.toString());
            }
            if (json) {
                System.out.println(json(row, settings, r, failures.get(failures.size() - 1)));
                System.out.flush();
            }
        }
        if (!json) {
            printTables(rows, results, failures, settings);
        }
        if (results.contains(null)) {
            System.exit(1);
        }
    }

    private static void printTables(List<Row> rows, List<Result> results, List<String> failures, Settings s) {
        int batch = s.batch();
        int classes = s.classes();
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
                    r.archNonFinite, r.weightNonFinite, s.steps(), s.warmup());
        }
        System.out.println();
        System.out.println("total = architecture step + weight step (the two SearchStep calls), excluding batch "
                + "creation and sub-manager close.");
        System.out.println("non-finite = measured steps whose gradient was not finite (architectureStep returned "
                + "false / weightStep finite=false; nothing was updated but the step was timed).");
        System.out.println();

        System.out.println("Detail (ms, p10 / median / p90):");
        System.out.println();
        System.out.println("| config | params (tensors) | batch creation | arch step | weight step | whole iteration | "
                + "setup s | RSS MB after | other processes' CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Result r = results.get(i);
            if (r == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %,d (%d) | %s | %s | %s | %s | %.1f | %d | %.2f%s |%n",
                    row.label(batch, classes), r.parameters, r.parameterTensors, spread(r.batchMs), spread(r.archMs),
                    spread(r.weightMs), spread(r.loopMs), r.setupSeconds, r.rssMegabytes, r.otherCores,
                    r.otherCores > BUSY_CORES ? " (contended!)" : "");
        }
        System.out.println();
        System.out.println("params = trained parameters (requiring a gradient); the non-affine batch norms' fixed "
                + "gamma/beta are not counted, as PyTorch's BatchNorm2d(affine=False) has none.");
        System.out.println("whole iteration = both sub-manager scopes: batch creation + both steps + closing the "
                + "step managers (what one step of the search loop costs).");
        System.out.println("other processes' CPU = average cores busy outside this JVM during the measured steps "
                + "(from /proc/stat); above " + BUSY_CORES + " the times are not trustworthy.");
        System.out.println();
        System.out.println("Reproduce:");
        System.out.printf(Locale.ROOT, "  THREADS=%s scripts/bench-darts-step.sh --rows %s --steps %d --warmup %d "
                        + "--batch %d --images %d --classes %d --lr %s --seed %d --device %s --cell %s%n",
                System.getProperty("ai.djl.pytorch.num_threads", "<unset>"), s.rowsArg(), s.steps(), s.warmup(), batch,
                s.images(), classes, s.lr(), s.seed(), s.device(), s.cell().name().toLowerCase(Locale.ROOT));
        System.out.println("  JVM arguments: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** One row as JSON, the fields of darts_step.py's --json output. */
    private static String json(Row row, Settings s, Result r, String failure) {
        StringBuilder sb = new StringBuilder("{");
        sb.append(String.format(Locale.ROOT, "\"channels\": %d, \"layers\": %d, \"partial_channels\": %d, "
                        + "\"edge_weights\": %s, \"batch\": %d, \"input\": \"%s\"", row.channels, row.layers,
                row.partialChannels, row.edgeWeights, s.batch(), row.shape));
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
        sb.append(String.format(Locale.ROOT, ", \"classes\": %d, \"steps\": %d, \"warmup\": %d, \"threads\": %s, "
                        + "\"interop_threads\": %s, \"djl\": \"%s\", \"parameters\": %d, \"parameter_tensors\": %d, "
                        + "\"setup_s\": %.3f, \"arch_ms\": %s, \"weight_ms\": %s, \"total_ms\": %s, \"batch_ms\": %s, "
                        + "\"loop_ms\": %s, \"arch_nonfinite\": %d, \"weight_nonfinite\": %d, \"final_loss\": %s, "
                        + "\"rss_mb\": %d, \"other_cores\": %s}",
                s.classes(), s.steps(), s.warmup(), threads, interop, escape(DjlRuntime.versions()), r.parameters,
                r.parameterTensors, r.setupSeconds, summary(r.archMs), summary(r.weightMs), summary(r.totalMs),
                summary(r.batchMs), summary(r.loopMs), r.archNonFinite, r.weightNonFinite, jsonNumber(r.finalLoss),
                r.rssMegabytes, jsonNumber(r.otherCores)));
        return sb.toString();
    }

    private static String summary(double[] values) {
        return String.format(Locale.ROOT, "{\"median\": %s, \"p10\": %s, \"p90\": %s}",
                jsonNumber(percentile(values, 50)), jsonNumber(percentile(values, 10)), jsonNumber(percentile(values, 90)));
    }

    private static String jsonNumber(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    private static Result runRow(Engine engine, Device device, Row row, Settings s) {
        int images = s.images();
        int batch = s.batch();
        int steps = s.steps();
        int warmup = s.warmup();
        long seed = s.seed();
        float lr = s.lr();
        ImageData data = randomData(row.shape, images, s.classes(), seed);
        long setupStart = System.nanoTime();
        DjlRuntime.seed(seed);
        // The search's own configuration path: GaeaSearch builds the same objects from it.
        SearchConfig config = SearchConfig.builder()
                .space(DartsSearchSpace.reference())
                .channels(row.channels)
                .depth(row.layers)
                .partialChannels(row.partialChannels)
                .edgeWeights(row.edgeWeights)
                .batchSize(batch)
                .weightLearningRate(lr)
                .seed(seed)
                .build();
        int alphaRows = config.space().alphaRows();
        int numOps = config.space().ops().size();
        OpSelection selection = new OpSelection();
        ArchitectureWeights arch = config.newArchitectureWeights();
        try (NDManager base = engine.newBaseManager(device)) {
            Block supernet = DartsSearchSpace.reference().newSupernet(config.supernet(), s.classes(), selection, s.cell());
            Shape input = new Shape(1, row.shape.channels(), row.shape.height(), row.shape.width());
            if (arch.hasEdgeWeights()) {
                supernet.initialize(base, DataType.FLOAT32, input, new Shape(alphaRows, numOps), new Shape(alphaRows));
            } else {
                supernet.initialize(base, DataType.FLOAT32, input, new Shape(alphaRows, numOps));
            }
            try (SgdOptimizer sgd = new SgdOptimizer(supernet, base, config.momentum(), config.weightDecay(),
                    config.gradClip())) {
                long parameters = 0;
                for (Parameter p : sgd.parameters()) {
                    parameters += p.getArray().size();
                }
                int parameterTensors = sgd.parameters().size();
                System.err.printf(Locale.ROOT, "[bench]   supernet: %,d trained parameters in %d tensors; α [%d, %d]%s%n",
                        parameters, parameterTensors, alphaRows, numOps,
                        arch.hasEdgeWeights() ? ", β [" + alphaRows + "] in " + config.space().edgeGroups().length
                                + " node simplices" : ", no β");
                SearchStep searchStep = new SearchStep(supernet, arch, selection, sgd, engine);
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                BatchCursor archBatches = new BatchCursor(new BatchSampler(images, batch, true, seed + 1));
                BatchCursor weightBatches = new BatchCursor(new BatchSampler(images, batch, true, seed + 2));

                double[] batchMs = new double[steps];
                double[] archMs = new double[steps];
                double[] weightMs = new double[steps];
                double[] totalMs = new double[steps];
                double[] loopMs = new double[steps];
                int archNonFinite = 0;
                int weightNonFinite = 0;
                float lastLoss = Float.NaN;
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
                    lastLoss = w.loss();

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
                    if (s.verbose() || !archFinite || !w.finite()
                            || (measured && ((i - warmup + 1) % 5 == 0 || i == warmup + steps - 1))
                            || i == warmup - 1) {
                        System.err.printf(Locale.ROOT, "[bench]   %s step %d/%d: arch %s ms%s, weight %s ms%s, loss %.3f%n",
                                measured ? "measured" : "warm-up", measured ? i - warmup + 1 : i + 1,
                                measured ? steps : warmup, ms(archStep), archFinite ? "" : " (non-finite)",
                                ms(weightStep), w.finite() ? "" : " (non-finite)", w.loss());
                    }
                }
                if (s.verbose()) {
                    float[][] alpha = arch.alpha();
                    System.err.printf(Locale.ROOT, "[bench]   after %d steps: α row 0 = %s%s%n", warmup + steps,
                            java.util.Arrays.toString(alpha[0]), arch.hasEdgeWeights()
                                    ? ", β = " + java.util.Arrays.toString(arch.beta()) : "");
                }
                double otherCores = cpuStart == null ? Double.NaN : cpuStart.otherCoresUntil(CpuSample.now());
                return new Result(batchMs, archMs, weightMs, totalMs, loopMs, archNonFinite, weightNonFinite,
                        parameters, parameterTensors, setupSeconds, residentMegabytes(), otherCores, lastLoss);
            }
        }
    }

    /**
     * CPU time from /proc/stat (whole machine) and /proc/self/stat (this process), to tell how
     * much of the machine other processes used while a row ran (as in SearchStepBenchmark).
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

    private static void printHeader(PrintStream out, Engine engine, Device device) {
        out.println("# DARTS-space supernet search-step benchmark (GAEA PC-DARTS / GAEA DARTS, EG, single-level step pair)");
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
                        + "scripts/bench-darts-step.sh)" : ""));
        out.println("- ai.djl.offline=" + System.getProperty("ai.djl.offline"));
        CpuSample before = CpuSample.now();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double other = before == null ? Double.NaN : before.otherCoresUntil(CpuSample.now());
        out.printf(Locale.ROOT, "- other processes' CPU before start (1 s sample): %.2f cores%s%n", other,
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

    /** Linear-interpolation percentile (numpy's default), shared with SearchStepBenchmark. */
    private static double percentile(double[] values, double p) {
        return SearchStepBenchmark.percentile(values, p);
    }

    private static String spread(double[] values) {
        return ms(percentile(values, 10)) + " / " + ms(percentile(values, 50)) + " / " + ms(percentile(values, 90));
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    /** The parsed command line. */
    private record Settings(String rowsArg, List<Row> rows, int steps, int warmup, int batch, int images, int classes,
                            float lr, long seed, String device, boolean verbose, boolean json,
                            CellImplementation cell) {
        /** Parses the arguments; null means --help. */
        static Settings parse(String[] args) {
            Map<String, String> a = parseArgs(args);
            if (a.containsKey("help")) {
                return null;
            }
            String rowsArg = a.getOrDefault("rows", DEFAULT_ROWS);
            int batch = intArg(a, "batch", DEFAULT_BATCH, 1);
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
            return new Settings(rowsArg, parseRows(rowsArg), intArg(a, "steps", DEFAULT_STEPS, 1),
                    intArg(a, "warmup", DEFAULT_WARMUP, 0), batch, images, intArg(a, "classes", 10, 2), lr, seed,
                    a.getOrDefault("device", "cpu"), booleanArg(a, "verbose"), booleanArg(a, "json"),
                    CellImplementation.fromName(a.getOrDefault("cell", "fused")));
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
            if (fields.length != 4 && fields.length != 5) {
                throw new IllegalArgumentException("--rows item '" + item + "' is neither a preset ("
                        + String.join(", ", PRESETS.keySet()) + ") nor C:L:K:CxHxW[:beta|:nobeta], e.g. 16:8:4:3x32x32");
            }
            int channels;
            int layers;
            int k;
            try {
                channels = Integer.parseInt(fields[0].trim());
                layers = Integer.parseInt(fields[1].trim());
                k = Integer.parseInt(fields[2].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rows item '" + item + "': C, L and K must be integers", e);
            }
            boolean edgeWeights = k > 1;
            if (fields.length == 5) {
                String b = fields[4].trim();
                if (!b.equals("beta") && !b.equals("nobeta")) {
                    throw new IllegalArgumentException("--rows item '" + item + "': the fifth field must be beta or "
                            + "nobeta, got '" + b + "'");
                }
                edgeWeights = b.equals("beta");
            }
            rows.add(new Row(item, channels, layers, k, edgeWeights, ImageShape.parse(fields[3])));
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
            // --json alone is a flag (as darts_step.py's); --json true/false also works.
            if (args[i].equals("--json") && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                values.put("json", "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!List.of("rows", "steps", "warmup", "batch", "images", "classes", "lr", "seed", "device", "verbose",
                    "json", "cell").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, args[++i]);
        }
        return values;
    }

    private static boolean booleanArg(Map<String, String> a, String name) {
        String v = a.getOrDefault(name, "false");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("--" + name + " expects true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
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
        return "usage: DartsStepBenchmark [--rows " + DEFAULT_ROWS + "] [--steps " + DEFAULT_STEPS + "] [--warmup "
                + DEFAULT_WARMUP + "] [--batch " + DEFAULT_BATCH + "] [--images 512] [--classes 10] [--lr 0.025] "
                + "[--seed 1] [--device cpu] [--verbose true] [--json] [--cell fused|plain]\n"
                + "  --rows: comma-separated presets or C:L:K:CxHxW[:beta|:nobeta] items (β on iff K > 1 unless given);\n"
                + "  presets: 1 = C=16 L=8 K=4 β 3x32x32, 2 = C=16 L=8 K=4 β 1x28x28 (GAEA PC-DARTS),\n"
                + "           3 = C=16 L=8 K=1 no-β 3x32x32, 4 = C=16 L=8 K=1 no-β 1x28x28 (plain DARTS supernet)\n"
                + "  --json: one JSON object per row on stdout (fields as bench/pytorch/darts_step.py), header on stderr\n"
                + "  --cell: the search cell, fused (FusedDartsSearchCell, the library default) or plain (DartsSearchCell)";
    }
}
