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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.nn.TorchDefaultInit;
import org.tribuo.nas.nn.TrainingOnly;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.util.InvalidSettingException;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost model on real blocks: parameter counts add up exactly in all three spaces (a random
 * cell's predicted count is its served network's count, DARTS's auxiliary head left out), latency on ONNX Runtime gives a finite, ordered table, and settings
 * that make no sense are refused by name.
 */
public class CostModelTest {

    @Test
    public void parameterCountsOfCellsArePredictedExactly() {
        TabularSearchSpace tabular = TabularSearchSpace.builder().searchNetwork(8, 1).finalNetwork(12, 2).build();
        Nb201SearchSpace nb201 = Nb201SearchSpace.builder().searchNetwork(4, 1).finalNetwork(4, 1)
                .ops(java.util.List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")).build();
        CostModel params = CostModel.builder().metric(CostMetric.PARAMETERS).lambda(1).build();
        checkExact(tabular, new Shape(13, 1, 1), 3, params);
        checkExact(nb201, new Shape(1, 8, 8), 10, params);
        // with its auxiliary head, which trains only and is not counted (20x20 leaves it 5x5 features)
        DartsSearchSpace darts = DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3)
                .ops(java.util.List.of("none", "skip_connect", "max_pool_3x3", "sep_conv_3x3", "dil_conv_5x5")).build();
        checkExact(darts, new Shape(1, 20, 20), 10, params);
    }

    @Test
    public void theAuxiliaryHeadIsNotCounted() {
        DartsSearchSpace darts = DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3).build();
        Genotype cell = darts.randomGenotype(new SplittableRandom(1));
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Block network = darts.newNetwork(cell, darts.networkSettings(), 10);
            network.initialize(m, DataType.FLOAT32, new Shape(2, 1, 20, 20));
            long all = network.getParameters().stream().filter(p -> p.getValue().requiresGradient())
                    .mapToLong(p -> p.getValue().getArray().size()).sum();
            Block auxiliary = network.getChildren().values().stream().filter(b -> b instanceof TrainingOnly).findFirst().orElseThrow();
            long head = auxiliary.getParameters().stream()
                    .filter(p -> p.getValue().requiresGradient()).mapToLong(p -> p.getValue().getArray().size()).sum();
            assertTrue(head > 0, "the network has an auxiliary head");
            assertEquals(all - head, ParameterCounter.count(network));
        }
    }

    private static void checkExact(org.tribuo.nas.space.SearchSpace space, Shape example, int classes, CostModel params) {
        OpCosts table = params.measure(space, example, classes);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 8; i++) {
            Genotype cell = space.randomGenotype(rng);
            double predicted = table.predict(CostModel.decomposition(space).opChoices(cell));
            assertEquals(count(space, cell, example, classes), predicted, 1e-6, space.name() + " cell " + cell);
            assertEquals(predicted, params.measureNetwork(space, cell, example, classes), 1e-6);
        }
    }

    private static long count(org.tribuo.nas.space.SearchSpace space, Genotype cell, Shape example, int classes) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Block network = space.newNetwork(cell, space.networkSettings(), classes);
            TorchDefaultInit.applyTo(network);
            long[] dims = new long[example.dimension() + 1];
            dims[0] = 2;
            System.arraycopy(example.getShape(), 0, dims, 1, example.dimension());
            network.initialize(m, DataType.FLOAT32, new Shape(dims));
            return ParameterCounter.count(network);
        }
    }

    @Test
    public void latencyOnOnnxRuntimeIsFiniteAndOrdered() {
        // W=256 at batch 32: a dense edge costs about 0.1 ms here, far above the timing noise
        TabularSearchSpace space = TabularSearchSpace.builder().searchNetwork(8, 1).finalNetwork(256, 1).build();
        CostModel latency = CostModel.builder().batchSize(32).warmup(3).repetitions(15).target(1).build();
        OpCosts table = latency.measure(space, new Shape(13, 1, 1), 3);
        int skip = space.ops().indexOf("skip_connect");
        int dense = space.ops().indexOf("dense");
        for (int r = 0; r < table.rows(); r++) {
            assertTrue(table.cost(r, skip) < table.cost(r, dense), "an identity edge costs less than a dense one: "
                    + table);
        }
        assertTrue(table.fixed() > -1 && table.fixed() < 100, "fixed parts " + table.fixed() + " ms");
        assertTrue(table.measuredOn().contains("ONNX Runtime"), table.measuredOn());
        assertTrue(table.measuredOn().contains("no cache"), "the test suite keeps no cache: " + table.measuredOn());
    }

    @Test
    public void theDartsSpaceIsTimedOpByOpOnOnnxRuntime() {
        // every candidate exported alone at each edge's shape (strided ones in the reduction cell)
        DartsSearchSpace darts = DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3).build();
        CostModel latency = CostModel.builder().warmup(3).repetitions(15).target(1).build();
        OpCosts table = latency.measure(darts, new Shape(1, 28, 28), 10);
        int pool = darts.ops().indexOf("max_pool_3x3");
        int sep = darts.ops().indexOf("sep_conv_5x5");
        for (int r = 0; r < table.rows(); r++) {
            assertTrue(table.cost(r, sep) > table.cost(r, pool), "a 5x5 separable convolution costs more than a pool: " + table);
        }
        assertTrue(table.predict(table.dearestChoices()) > table.predict(table.cheapestChoices()), table.toString());
    }

    @Test
    public void aCacheFromAnotherSpeedIsScaledToTheMachineNow(@TempDir Path dir) throws Exception {
        TabularSearchSpace space = TabularSearchSpace.builder().searchNetwork(8, 1).finalNetwork(256, 1).build();
        CostModel latency = CostModel.builder().batchSize(32).warmup(3).repetitions(15).target(1).build();
        String before = System.getProperty(CostModel.CACHE_PROPERTY);
        System.setProperty(CostModel.CACHE_PROPERTY, dir.toString());
        try {
            OpCosts fresh = latency.measure(space, new Shape(13, 1, 1), 3);
            // the machine as if it had run three times slower when the cache was written
            Path file;
            try (var files = Files.list(dir)) {
                file = files.filter(f -> f.getFileName().toString().startsWith("op-costs-")).findFirst().orElseThrow();
            }
            StringBuilder slower = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                int tab = line.lastIndexOf('\t');
                slower.append(line.startsWith("#") || tab < 0 ? line
                        : line.substring(0, tab + 1) + 3 * Double.parseDouble(line.substring(tab + 1))).append('\n');
            }
            Files.writeString(file, slower.toString());
            OpCosts cached = latency.measure(space, new Shape(13, 1, 1), 3);
            double ratio = cached.predict(cached.dearestChoices()) / fresh.predict(fresh.dearestChoices());
            assertTrue(cached.measuredOn().contains("scaled by"), cached.measuredOn());
            assertTrue(ratio > 0.5 && ratio < 1.7, "the stale table (3x) follows the machine now: ratio " + ratio
                    + "; " + cached.measuredOn());
        } finally {
            if (before == null) {
                System.clearProperty(CostModel.CACHE_PROPERTY);
            } else {
                System.setProperty(CostModel.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    public void settingsThatMakeNoSenseAreRefusedByName() {
        InvalidSettingException none = assertThrows(InvalidSettingException.class, () -> CostModel.builder().build());
        assertEquals("target", none.setting());
        assertEquals("threads", assertThrows(InvalidSettingException.class,
                () -> CostModel.builder().target(1).threads(0).build()).setting());
        assertEquals("repetitions", assertThrows(InvalidSettingException.class,
                () -> CostModel.builder().target(1).repetitions(0).build()).setting());
        assertEquals("target", assertThrows(InvalidSettingException.class,
                () -> CostModel.builder().target(-1).build()).setting());
    }

    @Test
    public void aSpaceWithoutDecompositionIsRefused() {
        // a user's space that says nothing about where its ops run
        SearchSpace opaque = (SearchSpace) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{SearchSpace.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> "chain-cell";
                    case "costDecomposition" -> java.util.Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> CostModel.decomposition(opaque));
        assertEquals("costModel", e.setting());
        assertTrue(e.getMessage().contains("chain-cell"), e.getMessage());
    }
}
