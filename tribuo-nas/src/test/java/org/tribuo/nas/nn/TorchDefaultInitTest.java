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


package org.tribuo.nas.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

import org.tribuo.nas.darts.DartsGenotype;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.nb201.Nb201Genotype;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every network of every space starts from PyTorch's default initialization, as the reference
 * code: each convolution or linear weight (and bias) uniform in ±1/√fan_in, with the spread of
 * that uniform distribution; batch-norm scales one and shifts zero.
 */
public class TorchDefaultInitTest {

    private static final int CLASSES = 10;

    /** Checks every parameter of an initialized network; returns how many weights were checked. */
    private static int assertTorchDefaults(Block net, String what) {
        int weights = 0;
        List<String> biases = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter parameter = p.getValue();
            NDArray a = parameter.getArray();
            String name = what + " " + p.getKey();
            switch (parameter.getType()) {
                case WEIGHT -> {
                    Shape s = a.getShape();
                    double bound = 1 / Math.sqrt((double) s.size() / s.get(0));
                    double max = a.abs().max().getFloat();
                    assertTrue(max <= bound * (1 + 1e-6), name + ": max |w| " + max + " above 1/sqrt(fan_in) " + bound);
                    if (s.size() >= 256) {
                        double std = Math.sqrt(a.square().mean().getFloat());
                        double expected = bound / Math.sqrt(3);
                        assertEquals(expected, std, 0.15 * expected, name + ": spread of U(±1/sqrt(fan_in))");
                    }
                    weights++;
                }
                case BIAS -> biases.add(p.getKey());
                case GAMMA -> assertEquals(1f, a.min().getFloat(), name + " starts at 1");
                case BETA -> assertEquals(0f, a.abs().max().getFloat(), name + " starts at 0");
                default -> { }
            }
        }
        for (String bias : biases) {
            // A bias belongs to the weight beside it: same prefix, same first dimension.
            String prefix = bias.substring(0, bias.length() - "bias".length());
            NDArray weight = net.getParameters().get(prefix + "weight").getArray();
            NDArray b = net.getParameters().get(bias).getArray();
            double bound = 1 / Math.sqrt((double) weight.getShape().size() / weight.getShape().get(0));
            double max = b.abs().max().getFloat();
            assertTrue(max <= bound * (1 + 1e-6) && max > 0, what + " " + bias + ": max |b| " + max
                    + " should be in (0, " + bound + "]");
        }
        return weights;
    }

    @Test
    public void nasBench201SupernetsAndNetwork() {
        DjlRuntime.seed(3);
        Nb201Space space = Nb201Space.withoutNone();
        Shape x = new Shape(2, 1, 12, 12);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            for (CellImplementation cells : CellImplementation.values()) {
                Block supernet = Nb201Networks.supernet(space, 8, 1, CLASSES, cells);
                supernet.initialize(m, DataType.FLOAT32, x, new Shape(Nb201Space.NUM_EDGES, space.numOps()));
                assertTrue(assertTorchDefaults(supernet, "supernet " + cells) > 5);
            }
            Block net = Nb201Networks.discrete(Nb201Genotype.parse(
                    "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"),
                    8, 1, CLASSES, MemoryLayout.CONTIGUOUS);
            net.initialize(m, DataType.FLOAT32, x);
            assertTrue(assertTorchDefaults(net, "network") > 5);
        }
    }

    @Test
    public void dartsSupernetAndNetworkWithAuxiliaryHead() {
        DjlRuntime.seed(4);
        DartsSearchSpace space = DartsSearchSpace.reference();
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block supernet = space.newSupernet(new SupernetSettings(8, 3, 4, true), CLASSES);
            supernet.initialize(m, DataType.FLOAT32, new Shape(2, 1, 12, 12), new Shape(space.alphaRows(), space.ops().size()),
                    new Shape(space.alphaRows()));
            assertTrue(assertTorchDefaults(supernet, "DARTS supernet") > 10);
            Block net = space.newNetwork(DartsGenotype.parse("Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), "
                    + "('sep_conv_3x3', 1), ('skip_connect', 2), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 0), "
                    + "('dil_conv_3x3', 4)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), "
                    + "('sep_conv_5x5', 0), ('sep_conv_5x5', 2), ('dil_conv_3x3', 3), ('sep_conv_5x5', 2), ('sep_conv_5x5', 4), "
                    + "('sep_conv_3x3', 1)], reduce_concat=[2, 3, 4, 5])"), new NetworkSettings(4, 3, true), CLASSES);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 1, 28, 28));
            int checked = assertTorchDefaults(net, "DARTS network");
            assertTrue(checked > 10);
            assertTrue(net.getParameters().keys().stream().anyMatch(k -> k.contains("auxiliary") && k.endsWith("bias")),
                    "the auxiliary head's classifier was checked");
        }
    }

    @Test
    public void tabularSupernetAndNetwork() {
        DjlRuntime.seed(5);
        TabularSearchSpace space = TabularSearchSpace.full();
        Shape x = new Shape(4, 6, 1, 1);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block supernet = space.newSupernet(SupernetSettings.plain(16, 2), CLASSES);
            supernet.initialize(m, DataType.FLOAT32, x, new Shape(space.alphaRows(), space.numOps()));
            assertTrue(assertTorchDefaults(supernet, "tabular supernet") > 3);
            Block net = space.newNetwork(space.parseGenotype("|dense~0|+|skip_connect~0|dense_bottleneck~1|+|none~0|dense~1|dense~2|"),
                    new NetworkSettings(16, 2, false), CLASSES);
            net.initialize(m, DataType.FLOAT32, x);
            assertTrue(assertTorchDefaults(net, "tabular network") > 3);
        }
    }

    @Test
    public void fanInNeedsAWeightShape() {
        assertThrows(IllegalArgumentException.class, () -> TorchDefaultInit.bound(new Shape(5)));
        assertEquals(1 / Math.sqrt(27), TorchDefaultInit.bound(new Shape(16, 3, 3, 3)), 1e-7);
    }
}
