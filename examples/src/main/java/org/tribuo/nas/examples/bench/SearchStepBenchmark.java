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
import ai.djl.nn.Parameter;

import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.search.ReferenceSettings;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nb201.Nb201Network;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.tribuo.nas.examples.bench.BenchMachine.BUSY_CORES;
import static org.tribuo.nas.examples.bench.BenchStats.spread;

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
 *                       [--cell plain|fused] [--single-pass true]
 * </pre>
 * {@code --single-pass true} times {@link SearchStep#singlePassStep} (one forward/backward updating
 * α and the weights) instead of the step pair.
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
    private static final List<String> OPTIONS = List.of("rows", "steps", "warmup", "batch", "images", "classes", "lr",
            "seed", "device", "verbose", "cell", "single-pass");

    /** One benchmark configuration. */
    private record Row(String id, int channels, int cells, ImageShape shape) {
        String label(int batch, int classes) {
            return String.format(Locale.ROOT, "%s: C=%d N=%d B=%d %s (%d classes)", id, channels, cells, batch,
                    shape, classes);
        }
    }

    /** The step timings of one row and what the row cost to set up and hold. */
    private record Result(SearchStepTimer.Timings timings, long parameters, double setupSeconds, long rssMegabytes) {}

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
        boolean singlePass = settings.singlePass();

        Engine engine = DjlRuntime.engine();
        Device device = Devices.resolve(deviceSetting);
        BenchMachine.printHeader(System.out,
                "NAS-Bench-201 supernet search-step benchmark (GAEA, EG, single-level step pair)",
                "scripts/bench-search-step.sh", engine, device);
        System.out.println("- search cell: " + cell.name().toLowerCase(Locale.ROOT));
        System.out.println("- step: " + (singlePass
                ? "single pass (one forward/backward; its time is in the weight step column)"
                : "architecture step then weight step"));
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
                results.add(runRow(engine, device, row, batch, images, classes, lr, seed, steps, warmup, verbose, cell,
                        singlePass));
                failures.add(null);
            } catch (RuntimeException | OutOfMemoryError e) {
                System.err.println("[bench] " + label + " failed: " + e);
                results.add(null);
                failures.add(e.toString());
            }
        }

        List<String> labels = rows.stream().map(row -> row.label(batch, classes)).toList();
        StepSummaryTable.print(labels, results.stream().map(r -> r == null ? null : r.timings()).toList(), failures,
                steps, warmup);

        System.out.println("Detail (ms, p10 / median / p90):");
        System.out.println();
        System.out.println("| config | params | batch creation | arch step | weight step | whole iteration | "
                + "setup s | RSS MB after | other processes' CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < rows.size(); i++) {
            Result r = results.get(i);
            if (r == null) {
                continue;
            }
            SearchStepTimer.Timings t = r.timings();
            System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %.1f | %d | %.2f%s |%n",
                    labels.get(i), r.parameters(), spread(t.batchMs()), spread(t.archMs()),
                    spread(t.weightMs()), spread(t.loopMs()), r.setupSeconds(), r.rssMegabytes(), t.otherCores(),
                    t.otherCores() > BUSY_CORES ? " (contended!)" : "");
        }
        System.out.println();
        System.out.println("whole iteration = both sub-manager scopes: batch creation + both steps + closing the "
                + "step managers (what one step of the search loop costs).");
        System.out.println("other processes' CPU = average cores busy outside this JVM during the measured steps "
                + "(from /proc/stat); above " + BUSY_CORES + " the times are not trustworthy.");
        System.out.println();
        System.out.println("Reproduce:");
        System.out.printf(Locale.ROOT, "  THREADS=%s scripts/bench-search-step.sh --rows %s --steps %d --warmup %d "
                        + "--batch %d --images %d --classes %d --lr %s --seed %d --device %s --cell %s --single-pass %s%n",
                System.getProperty("ai.djl.pytorch.num_threads", "<unset>"), rowsArg, steps, warmup, batch, images,
                classes, lr, seed, deviceSetting, cell.name().toLowerCase(Locale.ROOT), singlePass);
        System.out.println("  JVM arguments: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        if (results.contains(null)) {
            System.exit(1);
        }
    }

    private static Result runRow(Engine engine, Device device, Row row, int batch, int images, int classes, float lr,
                                 long seed, int steps, int warmup, boolean verbose, CellImplementation cell,
                                 boolean singlePass) {
        ImageData data = RandomImages.generate(row.shape, images, classes, seed);
        long setupStart = System.nanoTime();
        DjlRuntime.seed(seed);
        Nb201Space space = Nb201Space.withoutNone();
        try (NDManager base = engine.newBaseManager(device)) {
            Nb201Network supernet = Nb201Networks.supernet(space, row.channels, row.cells, classes, cell);
            supernet.initialize(base, DataType.FLOAT32,
                    new Shape(1, row.shape.channels(), row.shape.height(), row.shape.width()),
                    new Shape(Nb201Space.NUM_EDGES, space.numOps()));
            ExponentiatedGradient arch = new ExponentiatedGradient(Nb201Space.NUM_EDGES, space.numOps(),
                    ReferenceSettings.named("GAEA DARTS").archLearningRate());
            try (SgdOptimizer sgd = new SgdOptimizer(supernet, base, 0.9f, 3e-4f, 5f)) {
                long parameters = 0;
                for (Parameter p : sgd.parameters()) {
                    parameters += p.getArray().size();
                }
                SearchStep searchStep = new SearchStep(supernet, new ArchitectureWeights(arch, List.of()), sgd,
                        engine);
                double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
                SearchStepTimer.Timings timings = SearchStepTimer.time(base, searchStep, data, batch, lr, seed, warmup,
                        steps, verbose, singlePass);
                return new Result(timings, parameters, setupSeconds, BenchMachine.residentMegabytes());
            }
        }
    }

    /** The parsed command line. */
    private record Settings(String rowsArg, List<Row> rows, int steps, int warmup, int batch, int images, int classes,
                            float lr, long seed, String device, boolean verbose, CellImplementation cell,
                            boolean singlePass) {
        /** Parses the arguments; null means --help. */
        static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS, Set.of());
            if (a.help()) {
                return null;
            }
            String rowsArg = a.get("rows", DEFAULT_ROWS);
            int batch = a.getInt("batch", 64, 1);
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
            boolean verbose = a.getBoolean("verbose");
            return new Settings(rowsArg, parseRows(rowsArg), a.getInt("steps", DEFAULT_STEPS, 1),
                    a.getInt("warmup", DEFAULT_WARMUP, 0), batch, images, a.getInt("classes", 10, 2), lr, seed,
                    a.get("device", "cpu"), verbose, CellImplementation.fromName(a.get("cell", "plain")),
                    a.getBoolean("single-pass"));
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

    private static String usage() {
        return "usage: SearchStepBenchmark [--rows " + DEFAULT_ROWS + "] [--steps " + DEFAULT_STEPS + "] [--warmup " + DEFAULT_WARMUP
                + "] [--batch 64] [--images 512] [--classes 10] [--lr 0.025] [--seed 1] [--device cpu] [--verbose true]\n"
                + "                           [--cell plain|fused] [--single-pass true]\n"
                + "  --cell: the search cell implementation (default plain)\n"
                + "  --single-pass: time the single-pass step (one forward/backward) instead of the step pair\n"
                + "  --rows: comma-separated presets or C:N:CxHxW items; presets:\n"
                + "    1 = C=16 N=5 1x28x28, 2 = C=16 N=5 3x32x32, 3 = C=8 N=1 1x28x28, 4 = C=16 N=1 1x28x28\n"
                + "  (3 and 4: the Fashion-MNIST example's search supernet, first and current default)";
    }
}
