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

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import org.tribuo.nas.nn.TorchDefaultInit;
import org.tribuo.nas.numerics.MachineKey;
import org.tribuo.nas.space.CostDecomposition;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The measuring half of a {@link CostModel}: from its metric, runtime, batch size, threads and
 * timing, the meter, the batch shape and the machine's op-cost cache, and with them the op-cost
 * table of a space and the cost of whole networks.
 */
final class CostMeasurement {

    // Logged under the cost model's name, where its users look for it.
    private static final Logger logger = Logger.getLogger(CostModel.class.getName());
    /**
     * How far the dearest cell, timed when a table comes from the cache, may be off its cached
     * prediction before the whole table is scaled to the machine's speed now.
     */
    static final double DRIFT_TOLERANCE = 0.10;
    /** Measurements of a trained network, of which the median is reported. */
    private static final int MEASURED_ROUNDS = 3;

    private final CostMetric metric;
    private final ServingRuntime runtime;
    private final int batchSize;
    private final int threads;
    private final int warmup;
    private final int repetitions;

    CostMeasurement(CostMetric metric, ServingRuntime runtime, int batchSize, int threads, int warmup, int repetitions) {
        this.metric = metric;
        this.runtime = runtime;
        this.batchSize = batchSize;
        this.threads = threads;
        this.warmup = warmup;
        this.repetitions = repetitions;
    }

    /**
     * Checks the measuring settings.
     * @throws InvalidSettingException naming the first invalid setting.
     */
    void check() {
        if (metric == null) {
            throw new InvalidSettingException("metric", "must be LATENCY or PARAMETERS");
        }
        if (runtime == null) {
            throw new InvalidSettingException("runtime", "must be ONNX_RUNTIME or DJL");
        }
        SettingChecks.positive("batchSize", batchSize);
        SettingChecks.positive("threads", threads);
        SettingChecks.nonNegative("warmup", warmup);
        SettingChecks.positive("repetitions", repetitions);
    }

    /**
     * Describes where costs are measured, the head of {@link CostModel#describe()}.
     * @return e.g. {@code LATENCY on ONNX_RUNTIME (batch 1, 1 thread)}.
     */
    String describe() {
        return metric == CostMetric.PARAMETERS ? "PARAMETERS"
                : String.format(Locale.ROOT, "LATENCY on %s (batch %d, %d thread%s)", runtime, batchSize, threads,
                threads == 1 ? "" : "s");
    }

    /** See {@link CostModel#measure}. */
    OpCosts opCosts(SearchSpace space, Shape example, int numClasses) {
        CostDecomposition parts = CostModel.decomposition(space);
        NetworkSettings settings = space.networkSettings();
        Shape input = batchShape(example);
        int ops = space.ops().size();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             CostMeter meter = newMeter(manager)) {
            CostCache cache = openCache(meter);
            double[][] perOp = new double[space.alphaRows()][ops];
            for (CostDecomposition.OpSite site : parts.opSites(settings, input)) {
                for (int k = 0; k < ops; k++) {
                    int op = k;
                    String entry = space.toString() + " op " + space.ops().get(k) + " at " + site.input();
                    perOp[site.row()][k] += cache.get(clean(entry), () -> {
                        try (NDManager scope = manager.newSubManager()) {
                            return meter.op(initialized(parts.newOp(op, site), site.input(), scope), site.input());
                        }
                    });
                }
            }
            Calibration calibration = Calibration.fit(space, parts, perOp, metric,
                    choices -> networkCost(space, parts.genotype(choices), input, numClasses, manager, meter, cache));
            OpCosts table = new OpCosts(metric, calibration.apply(perOp), calibration.fixed(), "", parts.choiceRule());
            String rescaled = "";
            if (metric == CostMetric.LATENCY && cache.reused() > 0) {
                // the cache holds what the machine measured then; its speed moves (docs/cost-aware.md),
                // so the dearest cell is timed now and the table follows it when they differ much
                int[] dearest = table.dearestChoices();
                double predicted = table.predict(dearest);
                double now;
                try (NDManager scope = manager.newSubManager()) {
                    Block network = space.newNetwork(parts.genotype(dearest), space.networkSettings(), numClasses);
                    now = meter.network(initialized(network, input, scope), input);
                }
                double ratio = now / predicted;
                boolean drifted = Math.abs(ratio - 1) > DRIFT_TOLERANCE && ratio > 0;
                if (drifted) {
                    table = scaled(table, ratio);
                }
                rescaled = String.format(Locale.ROOT, "; the dearest cell measured %s now against %s from the cache%s",
                        metric.format(now), metric.format(predicted),
                        drifted ? String.format(Locale.ROOT, ", so every cost is scaled by %.3f", ratio) : "");
            }
            String measuredOn = String.format(Locale.ROOT, "%s, %s, batch %d, input %s; %s; %d of the costs from %s%s",
                    metric, meter.describe(), batchSize, input, calibration.describe(space.ops(), metric), cache.reused(),
                    cache.file().map(Path::toString).orElse("no cache"), rescaled);
            logger.info(() -> "op costs measured: " + measuredOn);
            return new OpCosts(metric, table.perOp(), table.fixed(), measuredOn, parts.choiceRule());
        }
    }

    private static OpCosts scaled(OpCosts table, double ratio) {
        double[][] perOp = table.perOp();
        for (double[] row : perOp) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= ratio;
            }
        }
        return new OpCosts(table.metric(), perOp, table.fixed() * ratio, table.measuredOn(), table.rule());
    }

    /** See {@link CostModel#measureNetwork(Block, Shape)}. */
    double network(Block network, Shape example) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             CostMeter meter = newMeter(manager)) {
            // three measurements, the median: right after training, the first one on this machine
            // came out 1.8x the network's settled latency (docs/cost-aware.md)
            double[] rounds = new double[MEASURED_ROUNDS];
            for (int i = 0; i < rounds.length; i++) {
                rounds[i] = meter.network(network, batchShape(example));
            }
            java.util.Arrays.sort(rounds);
            return rounds[rounds.length / 2];
        }
    }

    /** See {@link CostModel#measureNetwork(SearchSpace, Genotype, Shape, int)}. */
    double network(SearchSpace space, Genotype cell, Shape example, int numClasses) {
        Shape input = batchShape(example);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             CostMeter meter = newMeter(manager)) {
            Block network = space.newNetwork(cell, space.networkSettings(), numClasses);
            return meter.network(initialized(network, input, manager), input);
        }
    }

    private double networkCost(SearchSpace space, Genotype cell, Shape input, int numClasses, NDManager manager,
                               CostMeter meter, CostCache cache) {
        String entry = space.toString() + " network " + cell + " " + space.networkSettings() + " classes " + numClasses
                + " at " + input;
        return cache.get(clean(entry), () -> {
            try (NDManager scope = manager.newSubManager()) {
                Block network = space.newNetwork(cell, space.networkSettings(), numClasses);
                return meter.network(initialized(network, input, scope), input);
            }
        });
    }

    private static Block initialized(Block block, Shape input, NDManager manager) {
        if (block != null) {
            TorchDefaultInit.applyTo(block);
            block.initialize(manager, DataType.FLOAT32, input);
        }
        return block;
    }

    private Shape batchShape(Shape example) {
        long[] dims = new long[example.dimension() + 1];
        dims[0] = batchSize;
        System.arraycopy(example.getShape(), 0, dims, 1, example.dimension());
        return new Shape(dims);
    }

    private CostMeter newMeter(NDManager manager) {
        if (metric == CostMetric.PARAMETERS) {
            return new ParameterCounter();
        }
        Timing timing = new Timing(warmup, repetitions);
        return runtime == ServingRuntime.ONNX_RUNTIME ? new OnnxRuntimeLatency(threads, timing) : new DjlLatency(manager, timing);
    }

    /** Latencies are kept per machine kind and runtime; parameter counts are exact and not kept. */
    private CostCache openCache(CostMeter meter) {
        String setting = System.getProperty(CostModel.CACHE_PROPERTY, "");
        if (metric == CostMetric.PARAMETERS || setting.equalsIgnoreCase("off")) {
            return CostCache.inMemory();
        }
        Path directory = setting.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "tribuo-nas") : Path.of(setting);
        String key = meter.describe() + ", batch " + batchSize + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "; " + MachineKey.cpu();
        try {
            return CostCache.open(directory, key);
        } catch (java.io.UncheckedIOException e) {
            logger.warning("op costs are not cached: " + e.getMessage());
            return CostCache.inMemory();
        }
    }

    private static String clean(String entry) {
        return entry.replace('\t', ' ').replace('\n', ' ');
    }
}
