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
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.tribuo.nas.examples.bench.BenchMachine.BUSY_CORES;
import static org.tribuo.nas.examples.bench.BenchStats.spread;

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
 *                      [--cell fused|plain] [--single-pass true]
 * </pre>
 * {@code --single-pass true} times {@link SearchStep#singlePassStep} (one forward/backward updating
 * α, β and the weights) instead of the two-pass step pair.
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
    private static final List<String> OPTIONS = List.of("rows", "steps", "warmup", "batch", "images", "classes", "lr",
            "seed", "device", "verbose", "json", "cell", "single-pass");

    /** One benchmark configuration. */
    record Row(String id, int channels, int layers, int partialChannels, boolean edgeWeights, ImageShape shape) {
        String label(int batch, int classes) {
            return String.format(Locale.ROOT, "%s: DARTS C=%d L=%d K=%d %s B=%d %s (%d classes)", id, channels, layers,
                    partialChannels, edgeWeights ? "β" : "no-β", batch, shape, classes);
        }
    }

    /** The step timings of one row and what the row cost to set up and hold. */
    record Result(SearchStepTimer.Timings timings, long parameters, int parameterTensors, double setupSeconds,
                  long rssMegabytes) {}

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
        BenchMachine.printHeader(report,
                "DARTS-space supernet search-step benchmark (GAEA PC-DARTS / GAEA DARTS, EG, single-level step pair)",
                "scripts/bench-darts-step.sh", engine, device);
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
                System.out.println(DartsStepJson.line(row, settings, r, failures.get(failures.size() - 1)));
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
        List<String> labels = rows.stream().map(row -> row.label(batch, classes)).toList();
        StepSummaryTable.print(labels, results.stream().map(r -> r == null ? null : r.timings()).toList(), failures,
                s.steps(), s.warmup());

        System.out.println("Detail (ms, p10 / median / p90):");
        System.out.println();
        System.out.println("| config | params (tensors) | batch creation | arch step | weight step | whole iteration | "
                + "setup s | RSS MB after | other processes' CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < rows.size(); i++) {
            Result r = results.get(i);
            if (r == null) {
                continue;
            }
            SearchStepTimer.Timings t = r.timings();
            System.out.printf(Locale.ROOT, "| %s | %,d (%d) | %s | %s | %s | %s | %.1f | %d | %.2f%s |%n",
                    labels.get(i), r.parameters(), r.parameterTensors(), spread(t.batchMs()),
                    spread(t.archMs()), spread(t.weightMs()), spread(t.loopMs()), r.setupSeconds(), r.rssMegabytes(),
                    t.otherCores(), t.otherCores() > BUSY_CORES ? " (contended!)" : "");
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
                        + "--batch %d --images %d --classes %d --lr %s --seed %d --device %s --cell %s --single-pass %s%n",
                System.getProperty("ai.djl.pytorch.num_threads", "<unset>"), s.rowsArg(), s.steps(), s.warmup(), batch,
                s.images(), classes, s.lr(), s.seed(), s.device(), s.cell().name().toLowerCase(Locale.ROOT), s.singlePass());
        System.out.println("  JVM arguments: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    private static Result runRow(Engine engine, Device device, Row row, Settings s) {
        int images = s.images();
        int batch = s.batch();
        int steps = s.steps();
        int warmup = s.warmup();
        long seed = s.seed();
        float lr = s.lr();
        ImageData data = RandomImages.generate(row.shape, images, s.classes(), seed);
        long setupStart = System.nanoTime();
        DjlRuntime.seed(seed);
        // The search's own configuration path: GaeaSearch builds the same objects from it. A row may
        // turn β on or off independently of K, which a space cannot, so the supernet settings are the row's.
        SearchConfig config = SearchConfig.gaea(DartsSearchSpace.builder().searchNetwork(row.channels, row.layers)
                .partialChannels(row.partialChannels).build(), SearchSchedule.builder().batchSize(batch)
                .learningRate(lr, 0.001f).build(), seed, "auto");
        SupernetSettings supernetSettings = new SupernetSettings(row.channels, row.layers, row.partialChannels, row.edgeWeights);
        int alphaRows = config.space().alphaRows();
        int numOps = config.space().ops().size();
        ArchitectureWeights arch = config.architecture().newWeights(config.space(), row.edgeWeights, seed);
        try (NDManager base = engine.newBaseManager(device)) {
            Block supernet = DartsSearchSpace.reference().newSupernet(supernetSettings, s.classes(), s.cell());
            Shape input = new Shape(1, row.shape.channels(), row.shape.height(), row.shape.width());
            if (arch.hasEdgeWeights()) {
                supernet.initialize(base, DataType.FLOAT32, input, new Shape(alphaRows, numOps), new Shape(alphaRows));
            } else {
                supernet.initialize(base, DataType.FLOAT32, input, new Shape(alphaRows, numOps));
            }
            try (SgdOptimizer sgd = config.schedule().sgd().newOptimizer(supernet, base)) {
                long parameters = 0;
                for (Parameter p : sgd.parameters()) {
                    parameters += p.getArray().size();
                }
                int parameterTensors = sgd.parameters().size();
                System.err.printf(Locale.ROOT, "[bench]   supernet: %,d trained parameters in %d tensors; α [%d, %d]%s%n",
                        parameters, parameterTensors, alphaRows, numOps,
                        arch.hasEdgeWeights() ? ", β [" + alphaRows + "] in " + config.space().edgeGroups().length
                                + " node simplices" : ", no β");
                SearchStep searchStep = new SearchStep(supernet, arch, sgd, engine);
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                SearchStepTimer.Timings timings = SearchStepTimer.time(base, searchStep, data, batch, lr, seed, warmup,
                        steps, s.verbose(), s.singlePass());
                if (s.verbose()) {
                    float[][] alpha = arch.alpha();
                    System.err.printf(Locale.ROOT, "[bench]   after %d steps: α row 0 = %s%s%n", warmup + steps,
                            Arrays.toString(alpha[0]), arch.hasEdgeWeights()
                                    ? ", β = " + Arrays.toString(arch.beta()) : "");
                }
                return new Result(timings, parameters, parameterTensors, setupSeconds, BenchMachine.residentMegabytes());
            }
        }
    }

    /** The parsed command line. */
    record Settings(String rowsArg, List<Row> rows, int steps, int warmup, int batch, int images, int classes,
                    float lr, long seed, String device, boolean verbose, boolean json, CellImplementation cell,
                    boolean singlePass) {
        /** Parses the arguments; null means --help. */
        static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS, Set.of("json"));
            if (a.help()) {
                return null;
            }
            String rowsArg = a.get("rows", DEFAULT_ROWS);
            int batch = a.getInt("batch", DEFAULT_BATCH, 1);
            int images = a.getInt("images", 512, 1);
            if (batch > images) {
                throw new IllegalArgumentException("--batch " + batch + " exceeds --images " + images);
            }
            float lr;
            long seed;
            try {
                lr = Float.parseFloat(a.get("lr", "0.025"));
                seed = Long.parseLong(a.get("seed", "1"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--lr and --seed expect numbers: " + e.getMessage(), e);
            }
            if (!(lr > 0) || Float.isInfinite(lr)) {
                throw new IllegalArgumentException("--lr must be positive and finite, got " + lr);
            }
            return new Settings(rowsArg, parseRows(rowsArg), a.getInt("steps", DEFAULT_STEPS, 1),
                    a.getInt("warmup", DEFAULT_WARMUP, 0), batch, images, a.getInt("classes", 10, 2), lr, seed,
                    a.get("device", "cpu"), a.getBoolean("verbose"), a.getBoolean("json"),
                    CellImplementation.fromName(a.get("cell", "fused")), a.getBoolean("single-pass"));
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

    private static String usage() {
        return "usage: DartsStepBenchmark [--rows " + DEFAULT_ROWS + "] [--steps " + DEFAULT_STEPS + "] [--warmup "
                + DEFAULT_WARMUP + "] [--batch " + DEFAULT_BATCH + "] [--images 512] [--classes 10] [--lr 0.025] "
                + "[--seed 1] [--device cpu] [--verbose true] [--json] [--cell fused|plain] [--single-pass true]\n"
                + "  --rows: comma-separated presets or C:L:K:CxHxW[:beta|:nobeta] items (β on iff K > 1 unless given);\n"
                + "  presets: 1 = C=16 L=8 K=4 β 3x32x32, 2 = C=16 L=8 K=4 β 1x28x28 (GAEA PC-DARTS),\n"
                + "           3 = C=16 L=8 K=1 no-β 3x32x32, 4 = C=16 L=8 K=1 no-β 1x28x28 (plain DARTS supernet)\n"
                + "  --json: one JSON object per row on stdout (fields as bench/pytorch/darts_step.py), header on stderr\n"
                + "  --cell: the search cell, fused (FusedDartsSearchCell, the library default) or plain (DartsSearchCell)\n"
                + "  --single-pass: time the single-pass step (one forward/backward) instead of the two-pass pair";
    }
}
