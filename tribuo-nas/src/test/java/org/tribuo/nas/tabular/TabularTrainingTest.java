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
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.data.TabularTensorizer;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.runtime.DjlRuntime;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tabular supernet learns from real data: plain full-batch SGD on the standardized wine
 * fixture lowers the training loss.
 */
public class TabularTrainingTest {

    private static final int STEPS = 50;
    private static final float LEARNING_RATE = 0.1f;

    @Test
    public void sgdOnWineReducesTheTrainingLoss() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        ImageData data = new TabularTensorizer(wine.getFeatureIDMap()).tensorize(wine, wine.getOutputIDInfo());
        float[] x = data.pixels().clone();
        Normalization.fit(data).applyInPlace(x, 0, data.size());
        int n = data.size();
        int features = data.shape().channels();
        int classes = wine.getOutputIDInfo().size();

        TabularSearchSpace space = TabularSearchSpace.reference();
        Shape alphaShape = new Shape(space.alphaRows(), space.numOps());
        DjlRuntime.seed(7);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Block supernet = space.newSupernet(SupernetSettings.plain(16, 1), classes);
            supernet.initialize(m, DataType.FLOAT32, new Shape(n, features, 1, 1), alphaShape);
            NDArray alpha = m.ones(alphaShape).div(space.numOps());
            Loss loss = Loss.softmaxCrossEntropyLoss();

            float before = Float.NaN;
            float after = Float.NaN;
            for (int step = 0; step <= STEPS; step++) {
                try (NDManager sm = m.newSubManager()) {
                    NDArray input = sm.create(x, new Shape(n, features, 1, 1));
                    NDArray labels = sm.create(data.labels());
                    float value;
                    try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                        NDArray logits = supernet.forward(new ParameterStore(sm, false), new NDList(input, alpha), true)
                                .singletonOrThrow();
                        NDArray l = loss.evaluate(new NDList(labels), new NDList(logits));
                        value = l.getFloat();
                        if (step < STEPS) {
                            gc.backward(l);
                        }
                    }
                    if (step == 0) {
                        before = value;
                    }
                    if (step == STEPS) {
                        after = value;
                        break;
                    }
                    for (Pair<String, Parameter> p : supernet.getParameters()) {
                        NDArray w = p.getValue().getArray();
                        if (w.hasGradient()) {
                            NDArray g = w.getGradient();
                            g.attach(sm);
                            w.subi(g.mul(LEARNING_RATE));
                            JniUtils.zeroGrad((PtNDArray) w);
                        }
                    }
                }
            }
            String message = "training loss " + before + " -> " + after + " after " + STEPS + " SGD steps";
            assertTrue(Float.isFinite(before) && Float.isFinite(after), message);
            assertTrue(after < before, message);
            assertTrue(after < 0.5f * before, "the supernet fits the wine training set: " + message);
        }
    }
}
