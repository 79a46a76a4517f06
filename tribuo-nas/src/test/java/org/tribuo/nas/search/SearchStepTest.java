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
package org.tribuo.nas.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.nb201.Nb201Network;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SearchStepTest {

    @Test
    public void architectureStepEqualsTheFullGraphGradientWithoutTouchingWeightGradients() {
        ImageData data = FashionFixture.trainImages(32);
        int[] batch = new int[32];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = i;
        }
        DjlRuntime.seed(3);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Nb201Space space = Nb201Space.withoutNone();
            Nb201Network net = Nb201Networks.supernet(space, 16, 1, 10);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28), new Shape(6, 4));
            NDArray x = BatchFactory.images(m, data, batch, null);
            NDArray y = BatchFactory.labels(m, data, batch);

            // reference: the plain graph, weights tracking gradients
            ExponentiatedGradient reference = new ExponentiatedGradient(6, 4, 0.1f);
            NDArray leaf = reference.newLeaf(m);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray logits = net.forward(new ParameterStore(m, false), new NDList(x, leaf), true).singletonOrThrow();
                gc.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits)));
            }
            reference.step(Simplex.unflatten(leaf.getGradient().toFloatArray(), 6, 4));

            try (SgdOptimizer sgd = new SgdOptimizer(net, m, 0.9f, 3e-4f, 5f)) {
                sgd.zeroGradients();
                ExponentiatedGradient eg = new ExponentiatedGradient(6, 4, 0.1f);
                SearchStep step = new SearchStep(net, new ArchitectureWeights(eg, java.util.List.of()), sgd,
                        m.getEngine());
                assertTrue(step.architectureStep(m, x, y));
                assertArrayEquals(Simplex.flatten(reference.alpha()), Simplex.flatten(eg.alpha()), 1e-7f);
                for (var p : sgd.parameters()) {
                    assertTrue(p.getArray().hasGradient(), p.getName() + " tracks gradients again");
                    assertTrue(p.getArray().getGradient().abs().max().getFloat() == 0f,
                            p.getName() + " got no gradient from the architecture step");
                }
            }
        }
    }
}
