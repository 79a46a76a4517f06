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
import org.junit.jupiter.api.Test;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DartsSearchNetworkTest {

    private static final int CLASSES = 3;
    private static final Shape X = new Shape(2, 3, 8, 8);
    private static final DartsSearchSpace SPACE = DartsSearchSpace.reference();
    private static final int OPS = SPACE.ops().size();

    /** β at its GAEA initialization: 1/n for each of a node's n incoming edges. */
    private static float[] initialBeta() {
        float[] beta = new float[DartsCellLayout.ALPHA_ROWS];
        int row = 0;
        for (int group : SPACE.edgeGroups()) {
            for (int i = 0; i < group; i++) {
                beta[row++] = 1f / group;
            }
        }
        return beta;
    }

    private static NDArray forward(Block net, NDManager m, NDList inputs) {
        return forward(net, m, inputs, OpSelection.ALL);
    }

    private static NDArray forward(Block net, NDManager m, NDList inputs, OpSelection selection) {
        return net.forward(new ParameterStore(m, false), inputs, true, selection.params()).singletonOrThrow();
    }

    private static void assertFiniteAndNonZero(NDArray gradient, String what) {
        float[] g = gradient.toFloatArray();
        float maxAbs = 0;
        for (float v : g) {
            assertTrue(Float.isFinite(v), what + " has a non-finite entry");
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs > 1e-6f, what + " is zero");
    }

    @Test
    public void partialChannelSupernetWithEdgeWeightsBackpropagatesToAlphaAndBeta() {
        DjlRuntime.seed(21);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            SupernetSettings settings = new SupernetSettings(8, 3, 4, true);
            Block net = SPACE.newSupernet(settings, CLASSES);
            Shape alphaShape = new Shape(DartsCellLayout.ALPHA_ROWS, OPS);
            net.initialize(m, DataType.FLOAT32, X, alphaShape, new Shape(DartsCellLayout.ALPHA_ROWS));
            NDArray x = m.randomNormal(X);
            NDArray alpha = m.full(alphaShape, 1f / OPS);
            NDArray beta = m.create(initialBeta());
            alpha.setRequiresGradient(true);
            beta.setRequiresGradient(true);
            NDArray probe = m.randomNormal(new Shape(2, CLASSES));
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray logits = forward(net, m, new NDList(x, alpha, beta));
                assertEquals(new Shape(2, CLASSES), logits.getShape());
                gc.backward(logits.mul(probe).sum());
            }
            NDArray ga = alpha.getGradient();
            assertFiniteAndNonZero(ga, "dL/dα");
            assertEquals(0f, ga.get(":, 0").abs().max().getFloat(), 0f, "none gets no gradient");
            assertFiniteAndNonZero(ga.get("0:14"), "dL/dα of the normal cell");
            assertFiniteAndNonZero(ga.get("14:28"), "dL/dα of the reduction cell");
            assertFiniteAndNonZero(beta.getGradient(), "dL/dβ");
        }
    }

    @Test
    public void fullChannelSupernetWithoutEdgeWeightsBackpropagatesToAlpha() {
        DjlRuntime.seed(22);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Block net = SPACE.newSupernet(SupernetSettings.plain(8, 3), CLASSES);
            Shape alphaShape = new Shape(DartsCellLayout.ALPHA_ROWS, OPS);
            net.initialize(m, DataType.FLOAT32, X, alphaShape);
            NDArray alpha = m.randomUniform(0.05f, 0.3f, alphaShape);
            alpha.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray logits = forward(net, m, new NDList(m.randomNormal(X), alpha));
                assertEquals(new Shape(2, CLASSES), logits.getShape());
                gc.backward(logits.mul(m.randomNormal(new Shape(2, CLASSES))).sum());
            }
            assertFiniteAndNonZero(alpha.getGradient(), "dL/dα");
            NDArray beta = m.create(initialBeta());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> forward(net, m, new NDList(m.randomNormal(X), alpha, beta)));
            assertTrue(e.getMessage().contains("[x, α]"), e.getMessage());
        }
    }

    @Test
    public void sampledOpsEqualAOneHotContinuousForward() {
        DjlRuntime.seed(23);
        try (NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu())) {
            Block net = SPACE.newSupernet(new SupernetSettings(8, 3, 4, true), CLASSES);
            Shape alphaShape = new Shape(DartsCellLayout.ALPHA_ROWS, OPS);
            net.initialize(m, DataType.FLOAT32, X, alphaShape, new Shape(DartsCellLayout.ALPHA_ROWS));
            NDArray x = m.randomNormal(X);
            NDArray beta = m.create(initialBeta());
            int[] sampled = new int[DartsCellLayout.ALPHA_ROWS];
            float[] oneHot = new float[DartsCellLayout.ALPHA_ROWS * OPS];
            SplittableRandom rng = new SplittableRandom(4);
            for (int row = 0; row < sampled.length; row++) {
                sampled[row] = row == 0 ? 0 : rng.nextInt(OPS);
                oneHot[row * OPS + sampled[row]] = 1f;
            }
            NDArray alpha = m.create(oneHot, alphaShape);

            NDArray continuous = forward(net, m, new NDList(x, alpha, beta));
            OpSelection selection = OpSelection.sampled(sampled);
            NDArray oneOpPerEdge = forward(net, m, new NDList(x, alpha, beta), selection);
            float maxDiff = continuous.sub(oneOpPerEdge).abs().max().getFloat();
            assertTrue(maxDiff <= 1e-5f, "sampled and one-hot forwards differ by " + maxDiff);

            // A non-one-hot α makes the two modes differ: the check above can fail.
            NDArray soft = alpha.mul(0.5f).add(0.5f / OPS);
            NDArray softContinuous = forward(net, m, new NDList(x, soft, beta));
            assertTrue(softContinuous.sub(forward(net, m, new NDList(x, soft, beta), selection)).abs().max().getFloat() > 1e-4f);
        }
    }
}
