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
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.runtime.DjlRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SupernetGradientTest {

    /** A fixed linear functional of the logits, so the loss is smooth in α. */
    private static NDArray loss(Nb201Network net, NDManager m, NDArray x, NDArray alpha, NDArray probe) {
        return net.forward(new ParameterStore(m, false), new NDList(x, alpha), true).singletonOrThrow().mul(probe).sum();
    }

    @Test
    public void alphaGradientMatchesFiniteDifferences() {
        DjlRuntime.seed(11);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Nb201Space space = Nb201Space.full();
            Nb201Network net = Nb201Networks.supernet(space, 16, 1, 3);
            net.initialize(m, DataType.FLOAT64, new Shape(4, 1, 8, 8), new Shape(6, space.numOps()));
            NDArray x = m.randomNormal(new Shape(4, 1, 8, 8)).toType(DataType.FLOAT64, false);
            NDArray probe = m.randomNormal(new Shape(4, 3)).toType(DataType.FLOAT64, false);
            double[] a0 = m.randomUniform(0.1f, 1f, new Shape(6, space.numOps())).toType(DataType.FLOAT64, false).toDoubleArray();

            NDArray alpha = m.create(a0, new Shape(6, space.numOps()));
            alpha.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(loss(net, m, x, alpha, probe));
            }
            double[] analytic = alpha.getGradient().toDoubleArray();

            double eps = 1e-6;
            double maxAbs = 0;
            for (int i = 0; i < a0.length; i++) {
                double[] plus = a0.clone();
                double[] minus = a0.clone();
                plus[i] += eps;
                minus[i] -= eps;
                double fPlus = loss(net, m, x, m.create(plus, new Shape(6, space.numOps())), probe).getDouble();
                double fMinus = loss(net, m, x, m.create(minus, new Shape(6, space.numOps())), probe).getDouble();
                double numeric = (fPlus - fMinus) / (2 * eps);
                assertEquals(numeric, analytic[i], 1e-5 * Math.max(1, Math.abs(numeric)), "dL/dα at " + i);
                maxAbs = Math.max(maxAbs, Math.abs(analytic[i]));
            }
            assertTrue(maxAbs > 1e-3, "the gradient reaches α");
            // The none op contributes nothing, so its weight has zero gradient.
            for (int e = 0; e < 6; e++) {
                assertEquals(0.0, analytic[e * space.numOps()], 0.0);
            }
        }
    }
}
