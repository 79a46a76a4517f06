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


package org.tribuo.nas.darts;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.tribuo.nas.nn.MixedOp;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DartsOpsTest {

    private static final Shape INPUT = new Shape(2, 8, 8, 8);

    private static NDArray run(NDManager m, Block block, NDArray... inputs) {
        return run(m, block, OpSelection.ALL, inputs);
    }

    private static NDArray run(NDManager m, Block block, OpSelection selection, NDArray... inputs) {
        Shape[] shapes = new Shape[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            shapes[i] = inputs[i].getShape();
        }
        block.initialize(m, DataType.FLOAT32, shapes);
        NDArray out = block.forward(new ParameterStore(m, false), new NDList(inputs), true, selection.params()).singletonOrThrow();
        assertEquals(block.getOutputShapes(shapes)[0], out.getShape(), "declared output shape of " + block);
        return out;
    }

    @Test
    public void everyOpKeepsChannelsAndHalvesAtStrideTwo() {
        DjlRuntime.seed(1);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(INPUT);
            for (DartsOp op : DartsOp.values()) {
                for (boolean search : new boolean[]{true, false}) {
                    Block s1 = search ? DartsOps.searchOp(op, 8, 1) : DartsOps.networkOp(op, 8, 1);
                    Block s2 = search ? DartsOps.searchOp(op, 8, 2) : DartsOps.networkOp(op, 8, 2);
                    assertEquals(new Shape(2, 8, 8, 8), run(m, s1, x).getShape(), op + " stride 1");
                    assertEquals(new Shape(2, 8, 4, 4), run(m, s2, x).getShape(), op + " stride 2");
                }
            }
        }
    }

    @Test
    public void opsComputeWhatDartsComputes() {
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(INPUT);
            assertEquals(x, run(m, DartsOps.networkOp(DartsOp.SKIP_CONNECT, 8, 1), x));
            assertEquals(0f, run(m, DartsOps.searchOp(DartsOp.NONE, 8, 2), x).abs().sum().getFloat());
            // Padded zeros are not counted: a corner averages 4 values, an edge 6, the inside 9.
            NDArray ones = m.ones(new Shape(1, 1, 4, 4));
            NDArray ramp = m.arange(16f).reshape(1, 1, 4, 4);
            NDArray avg = run(m, DartsOps.networkOp(DartsOp.AVG_POOL_3X3, 1, 1), ramp);
            assertEquals((0 + 1 + 4 + 5) / 4f, avg.getFloat(0, 0, 0, 0), 1e-6f);
            assertEquals((0 + 1 + 2 + 4 + 5 + 6) / 6f, avg.getFloat(0, 0, 0, 1), 1e-6f);
            assertEquals(5f, avg.getFloat(0, 0, 1, 1), 1e-6f);
            assertEquals(1f, run(m, DartsOps.networkOp(DartsOp.AVG_POOL_3X3, 1, 2), ones).min().getFloat(), 1e-6f);
            assertEquals(15f, run(m, DartsOps.networkOp(DartsOp.MAX_POOL_3X3, 1, 2), ramp).getFloat(0, 0, 1, 1), 0f);
            // In the search net pools are batch-normalized: zero mean per channel.
            NDArray normed = run(m, DartsOps.searchOp(DartsOp.MAX_POOL_3X3, 8, 1), x);
            assertEquals(0f, normed.transpose(1, 0, 2, 3).reshape(8, -1).mean(new int[]{1}).abs().max().getFloat(), 1e-4f);
        }
    }

    @Test
    public void searchOpsHaveNoAffineParametersAndNetworkOpsDo() {
        assertEquals(0, countAffine(DartsOps.searchOp(DartsOp.SEP_CONV_3X3, 8, 1)));
        assertEquals(4, countAffine(DartsOps.networkOp(DartsOp.SEP_CONV_3X3, 8, 1)));
        assertEquals(2, countAffine(DartsOps.networkOp(DartsOp.SKIP_CONNECT, 8, 2)));
        assertEquals(0, countAffine(DartsOps.networkOp(DartsOp.MAX_POOL_3X3, 8, 1)));
    }

    private static int countAffine(Block block) {
        int n = 0;
        for (var p : block.getParameters()) {
            if ((p.getKey().endsWith("gamma") || p.getKey().endsWith("beta")) && p.getValue().requiresGradient()) {
                n++;
            }
        }
        return n;
    }

    @Test
    public void factorizedReduceRejectsOddSizes() {
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FactorizedReduce(8, false).initialize(m, DataType.FLOAT32, new Shape(2, 8, 7, 7)));
            assertTrue(e.getMessage().contains("7x7"), e.getMessage());
        }
    }

    @Test
    public void channelShuffleInterleavesTheGroups() {
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            NDArray x = m.arange(8f).reshape(1, 8, 1, 1);
            assertArrayEquals(new float[]{0, 2, 4, 6, 1, 3, 5, 7}, ChannelShuffle.shuffle(x, 4).toFloatArray());
            assertArrayEquals(new float[]{0, 4, 1, 5, 2, 6, 3, 7}, ChannelShuffle.shuffle(x, 2).toFloatArray());
            NDArray big = m.arange(2f * 8 * 2 * 2).reshape(2, 8, 2, 2);
            NDArray shuffled = ChannelShuffle.shuffle(big, 4);
            assertEquals(big.getShape(), shuffled.getShape());
            assertEquals(big.get(1, 2), shuffled.get(1, 1), "output channel 1 = 0·4+1 is input channel 1·2+0");
            assertEquals(big.get(1, 5), shuffled.get(1, 6), "output channel 6 = 1·4+2 is input channel 2·2+1");
        }
    }

    @Test
    public void partialChannelEdgeProcessesAQuarterAndShuffles() {
        DjlRuntime.seed(2);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(INPUT);
            NDArray w = m.create(new float[]{0.2f, 0.1f, 0.1f, 0.1f, 0.2f, 0.1f, 0.1f, 0.1f});
            List<DartsOp> all = List.of(DartsOp.values());
            assertEquals(new Shape(2, 8, 8, 8), run(m, new PartialChannelOp(all, 8, 4, 1, 0), x, w).getShape());
            assertEquals(new Shape(2, 8, 4, 4), run(m, new PartialChannelOp(all, 8, 4, 2, 0), x, w).getShape());
            assertEquals(new Shape(2, 8, 4, 4), run(m, new PartialChannelOp(all, 8, 2, 2, 0), x, w).getShape());

            // With only skip_connect at weight 1, the first C/K channels pass unchanged and the
            // shuffle puts channel g·(C/K)+j at j·K+g.
            PartialChannelOp skip = new PartialChannelOp(List.of(DartsOp.SKIP_CONNECT), 8, 4, 1, 0);
            NDArray out = run(m, skip, x, m.create(new float[]{1f}));
            NDArray expected = ChannelShuffle.shuffle(x, 4);
            assertEquals(expected, out);
            assertEquals(x.get(":, 1"), out.get(":, 4"));
            assertEquals(x.get(":, 2"), out.get(":, 1"));
        }
    }

    @Test
    public void sampledEdgeRunsOneOpAndAddsTheOtherWeights() {
        DjlRuntime.seed(3);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            NDArray x = m.randomNormal(INPUT);
            List<DartsOp> ops = List.of(DartsOp.NONE, DartsOp.SKIP_CONNECT, DartsOp.AVG_POOL_3X3);
            NDArray w = m.create(new float[]{0.25f, 0.5f, 0.125f});
            MixedOp edge = DartsOps.mixedEdge(ops, 8, 1, 7);
            NDArray continuous = run(m, edge, x, w);
            NDArray skipOnly = run(m, edge, OpSelection.sampled(new int[]{0, 0, 0, 0, 0, 0, 0, 1}), x, w);
            assertTrue(x.mul(0.5f).add(0.375f).allClose(skipOnly, 1e-6, 1e-6, false));
            assertTrue(!continuous.allClose(skipOnly, 1e-3, 1e-3, false));
            NDArray noneOnly = run(m, edge, OpSelection.sampled(new int[]{0, 0, 0, 0, 0, 0, 0, 0}), x, w);
            assertEquals(INPUT, noneOnly.getShape());
            assertEquals(0.625f, noneOnly.min().getFloat(), 1e-6f);
            assertEquals(0.625f, noneOnly.max().getFloat(), 1e-6f);

            // Every weight gets its gradient: d Σout / dw_k = #outputs for the unsampled ops,
            // Σ op_k*(x) for the sampled one.
            w.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(run(m, edge, OpSelection.sampled(new int[]{0, 0, 0, 0, 0, 0, 0, 2}), x, w).sum());
            }
            float[] grad = w.getGradient().toFloatArray();
            assertEquals(INPUT.size(), grad[0], 1e-3f);
            assertEquals(INPUT.size(), grad[1], 1e-3f);
            assertTrue(Float.isFinite(grad[2]) && Math.abs(grad[2] - INPUT.size()) > 1f, "sampled op's gradient is Σ op(x)");
        }
    }
}
