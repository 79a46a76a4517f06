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

package org.tribuo.nas.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class Nb201NetworkLayoutTest {

    private static final Nb201Genotype CELL = Nb201Genotype.parse(
            "|nor_conv_3x3~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_3x3~1|avg_pool_3x3~2|");

    /** Logits, then every trained parameter's gradient, of one forward and backward pass from seed 5. */
    private static List<float[]> pass(NDManager m, MemoryLayout layout) {
        DjlRuntime.seed(5);
        Nb201Network net = Nb201Networks.discrete(CELL, 16, 1, 10, layout);
        Shape input = new Shape(8, 1, 12, 12);
        net.initialize(m, DataType.FLOAT32, input);
        NDArray x = m.randomNormal(input);
        List<float[]> out = new ArrayList<>();
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            NDArray logits = net.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            out.add(logits.toFloatArray());
            gc.backward(logits.square().sum());
        }
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue().getArray().getGradient().toFloatArray());
            }
        }
        return out;
    }

    @Test
    public void channelsLastComputesTheSameLogitsAndGradients() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            List<float[]> contiguous = pass(m, MemoryLayout.CONTIGUOUS);
            List<float[]> channelsLast = pass(m, MemoryLayout.CHANNELS_LAST);
            assertEquals(contiguous.size(), channelsLast.size());
            double largest = 0;
            for (int i = 0; i < contiguous.size(); i++) {
                float[] a = contiguous.get(i);
                float[] b = channelsLast.get(i);
                assertEquals(a.length, b.length);
                for (int j = 0; j < a.length; j++) {
                    assertEquals(a[j], b[j], 1e-3 * Math.max(1, Math.abs(a[j])), (i == 0 ? "logit " : "gradient " + i + " ") + j);
                    largest = Math.max(largest, Math.abs(a[j]));
                }
            }
            assertTrue(largest > 1e-2, "the pass computes something");
        }
    }
}
