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

package org.tribuo.nas.tabular;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapes, α gradients and op sampling of the tabular supernet and networks (tiny sizes).
 */
public class TabularSupernetTest {

    private static final int BATCH = 6;
    private static final int FEATURES = 5;
    private static final int WIDTH = 8;
    private static final int CLASSES = 3;

    private static NDArray forward(Block net, NDManager m, boolean training, NDArray... inputs) {
        return forward(net, m, training, OpSelection.ALL, inputs);
    }

    private static NDArray forward(Block net, NDManager m, boolean training, OpSelection selection, NDArray... inputs) {
        return net.forward(new ParameterStore(m, false), new NDList(inputs), training, selection.params()).singletonOrThrow();
    }

    private static NDArray input(NDManager m) {
        return m.randomNormal(new Shape(BATCH, FEATURES, 1, 1));
    }

    @Test
    public void everyOpMapsWidthToWidth() {
        DjlRuntime.seed(1);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            for (int width : new int[]{WIDTH, 3}) {
                NDArray x = m.randomNormal(new Shape(BATCH, width));
                for (TabularOp op : TabularOp.values()) {
                    if (op == TabularOp.NONE) {
                        continue;
                    }
                    for (boolean affine : new boolean[]{false, true}) {
                        Block block = TabularLayers.op(op, width, affine);
                        block.initialize(m, DataType.FLOAT32, new Shape(BATCH, width));
                        for (boolean training : new boolean[]{true, false}) {
                            NDArray y = forward(block, m, training, x);
                            assertEquals(new Shape(BATCH, width), y.getShape(), op + " width " + width);
                            assertTrue(Float.isFinite(y.sum().getFloat()), op + " is finite");
                        }
                    }
                }
            }
            assertEquals(2, TabularLayers.bottleneckWidth(WIDTH));
            assertEquals(1, TabularLayers.bottleneckWidth(3));
        }
    }

    @Test
    public void supernetAndNetworkForwardShapes() {
        DjlRuntime.seed(2);
        TabularSearchSpace space = TabularSearchSpace.full();
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block supernet = space.newSupernet(SupernetSettings.plain(WIDTH, 2), CLASSES);
            Shape alphaShape = new Shape(space.alphaRows(), space.numOps());
            supernet.initialize(m, DataType.FLOAT32, new Shape(BATCH, FEATURES, 1, 1), alphaShape);
            NDArray alpha = m.ones(alphaShape).div(space.numOps());
            NDArray logits = forward(supernet, m, true, input(m), alpha);
            assertEquals(new Shape(BATCH, CLASSES), logits.getShape());
            assertEquals(new Shape(BATCH, CLASSES), supernet.getOutputShapes(new Shape[]{new Shape(BATCH, FEATURES, 1, 1), alphaShape})[0]);

            for (String text : List.of("|dense~0|+|skip_connect~0|dense_bottleneck~1|+|none~0|dense_dropout~1|dense~2|",
                    "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")) {
                Block net = space.newNetwork(space.parseGenotype(text), new NetworkSettings(WIDTH, 2, false), CLASSES);
                net.initialize(m, DataType.FLOAT32, new Shape(BATCH, FEATURES, 1, 1));
                for (boolean training : new boolean[]{true, false}) {
                    NDArray out = forward(net, m, training, input(m));
                    assertEquals(new Shape(BATCH, CLASSES), out.getShape(), text);
                    assertTrue(Float.isFinite(out.sum().getFloat()), text);
                }
            }
        }
    }

    @Test
    public void alphaGradientIsFiniteAndReachesEveryRealOp() {
        DjlRuntime.seed(3);
        TabularSearchSpace space = TabularSearchSpace.full(); // column 0 is none
        int rows = space.alphaRows();
        int cols = space.numOps();
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block supernet = space.newSupernet(SupernetSettings.plain(WIDTH, 2), CLASSES);
            supernet.initialize(m, DataType.FLOAT32, new Shape(BATCH, FEATURES, 1, 1), new Shape(rows, cols));
            NDArray x = input(m);
            NDArray probe = m.randomNormal(new Shape(BATCH, CLASSES));

            float[] grad = alphaGradient(supernet, m, x, probe, m.randomUniform(0.1f, 1f, new Shape(rows, cols)), true,
                    OpSelection.ALL);
            double maxAbs = 0;
            for (int r = 0; r < rows; r++) {
                assertEquals(0f, grad[r * cols], 0f, "none adds nothing in the continuous sum");
                for (int k = 1; k < cols; k++) {
                    float g = grad[r * cols + k];
                    assertTrue(Float.isFinite(g), "finite dL/dα[" + r + "][" + k + "]");
                    maxAbs = Math.max(maxAbs, Math.abs(g));
                }
            }
            assertTrue(maxAbs > 1e-4, "the gradient reaches α, max |g| = " + maxAbs);

            // Sampled: every non-sampled weight of a row enters as the same added scalar, so
            // they all get the same (non-zero) gradient, none included. In inference mode, since
            // in training mode the batch norms remove a constant shift whenever no ReLU clips it.
            int[] sampled = {2, 0, 1, 3, 4, 2};
            float[] sampledGrad = alphaGradient(supernet, m, x, probe, m.randomUniform(0.1f, 1f, new Shape(rows, cols)), false,
                    OpSelection.sampled(sampled));
            for (int r = 0; r < rows; r++) {
                Float other = null;
                for (int k = 0; k < cols; k++) {
                    float g = sampledGrad[r * cols + k];
                    assertTrue(Float.isFinite(g));
                    if (k != sampled[r]) {
                        if (other == null) {
                            other = g;
                            assertTrue(Math.abs(g) > 1e-6, "row " + r + " non-sampled gradient is non-zero");
                        } else {
                            assertEquals(other, g, 1e-5f * Math.max(1f, Math.abs(other)), "row " + r + " column " + k);
                        }
                    }
                }
            }
        }
    }

    private static float[] alphaGradient(Block supernet, NDManager m, NDArray x, NDArray probe, NDArray alpha,
                                         boolean training, OpSelection selection) {
        alpha.setRequiresGradient(true);
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            gc.backward(forward(supernet, m, training, selection, x, alpha).mul(probe).sum());
        }
        try (NDArray g = alpha.getGradient()) {
            return g.toFloatArray();
        }
    }

    @Test
    public void sampledForwardEqualsTheContinuousForwardWithOneHotAlpha() {
        // Training mode (batch statistics) without dropout, whose masks would differ between the two passes.
        checkOneHot(TabularSearchSpace.parseOps("none,skip_connect,dense,dense_bottleneck"), true, new int[]{2, 0, 3, 1, 2, 3});
        // Inference mode with every op.
        checkOneHot(TabularSearchSpace.full(), false, new int[]{4, 2, 0, 3, 1, 4});
    }

    private static void checkOneHot(TabularSearchSpace space, boolean training, int[] sampled) {
        DjlRuntime.seed(4);
        int rows = space.alphaRows();
        int cols = space.numOps();
        OpSelection selection = OpSelection.sampled(sampled);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block supernet = space.newSupernet(SupernetSettings.plain(WIDTH, 2), CLASSES);
            supernet.initialize(m, DataType.FLOAT32, new Shape(BATCH, FEATURES, 1, 1), new Shape(rows, cols));
            NDArray x = input(m);
            float[] oneHot = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                oneHot[r * cols + sampled[r]] = 1f;
            }
            NDArray alpha = m.create(oneHot, new Shape(rows, cols));
            float[] continuous = forward(supernet, m, training, x, alpha).toFloatArray();
            float[] sampledOut = forward(supernet, m, training, selection, x, alpha).toFloatArray();
            // With weights that are not one-hot the sampled pass differs: the selection is honoured.
            NDArray soft = m.randomUniform(0.1f, 1f, new Shape(rows, cols));
            float[] sampledSoft = forward(supernet, m, training, selection, x, soft).toFloatArray();
            float[] continuousSoft = forward(supernet, m, training, x, soft).toFloatArray();

            assertArrayEquals(continuous, sampledOut, 1e-5f, "training=" + training);
            double diff = 0;
            for (int i = 0; i < sampledSoft.length; i++) {
                diff = Math.max(diff, Math.abs(sampledSoft[i] - continuousSoft[i]));
            }
            assertTrue(diff > 1e-3, "sampling changes the output of soft weights, max diff " + diff);
        }
    }

    @Test
    public void sampledEdgeComputesTheWeightedOpPlusTheOtherWeights() {
        DjlRuntime.seed(5);
        List<TabularOp> ops = TabularSearchSpace.full().candidateOps();
        int row = 4;
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            MixedOp edge = TabularSearchCell.mixedEdge(ops, WIDTH, row);
            edge.initialize(m, DataType.FLOAT32, new Shape(BATCH, WIDTH), new Shape(ops.size()));
            NDArray x = m.randomNormal(new Shape(BATCH, WIDTH));
            float[] w = {0.05f, 0.15f, 0.3f, 0.2f, 0.3f};
            NDArray weights = m.create(w);
            for (int k = 0; k < ops.size(); k++) {
                float[] unit = new float[ops.size()];
                unit[k] = 1f;
                float[] opOut = forward(edge, m, false, x, m.create(unit)).toFloatArray();
                int[] pick = new int[TabularCellLayout.EDGES];
                pick[row] = k;
                float[] got = forward(edge, m, false, OpSelection.sampled(pick), x, weights).toFloatArray();
                float others = 0;
                for (int j = 0; j < w.length; j++) {
                    others += j == k ? 0 : w[j];
                }
                for (int i = 0; i < got.length; i++) {
                    assertEquals(w[k] * opOut[i] + others, got[i], 1e-5f, ops.get(k) + " at " + i);
                }
            }
        }
    }
}
