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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.AveragePooling;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.TorchDefaultInit;
import org.tribuo.nas.nn.TrainingOnly;

/**
 * DARTS's {@code AuxiliaryHeadCIFAR}: ReLU → average pool 5x5, stride 3, no padding → conv 1x1
 * to 128 → BN → ReLU → conv k×k to 768 → BN → ReLU → linear. Convolutions are bias-free and batch
 * norms affine.
 * <p>
 * <b>Deviation from DARTS:</b> the second convolution's kernel is k = min(2, pooled size) rather
 * than always 2, so that 28x28 inputs work: their 7x7 features pool to 1x1, where a 2x2 kernel
 * does not fit. On CIFAR's 8x8 features (pooled to 2x2) k is the reference 2. The kernel is
 * fixed at initialization, from the input shape, so the head is built then.
 */
public final class AuxiliaryHead extends AbstractBlock implements TrainingOnly {

    private static final int POOL = 5;
    private static final int POOL_STRIDE = 3;
    private static final int HIDDEN = 128;
    private static final int FEATURES = 768;
    private static final int REFERENCE_KERNEL = 2;

    private final int numClasses;
    private final Conv2d reduce;
    private final BatchNorm reduceNorm;
    private Conv2d expand;
    private BatchNorm expandNorm;
    private Linear classifier;

    /**
     * Creates the head; its last layers are added at initialization.
     * @param numClasses Number of classes.
     */
    public AuxiliaryHead(int numClasses) {
        this.numClasses = numClasses;
        reduce = addChildBlock("conv_reduce", CheckedConv2d.of(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(HIDDEN)
                .optBias(false)));
        reduceNorm = addChildBlock("bn_1", Layers.batchNorm(true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = AveragePooling.excludingPadding(Activation.relu(inputs.singletonOrThrow()), new Shape(POOL, POOL),
                new Shape(POOL_STRIDE, POOL_STRIDE), new Shape(0, 0));
        NDList h = reduceNorm.forward(ps, reduce.forward(ps, new NDList(x), training), training);
        h = new NDList(Activation.relu(h.singletonOrThrow()));
        NDArray features = Activation.relu(expandNorm.forward(ps, expand.forward(ps, h, training), training)
                .singletonOrThrow());
        return classifier.forward(ps, new NDList(features.reshape(features.getShape().get(0), -1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (in.get(2) < POOL || in.get(3) < POOL) {
            throw new IllegalArgumentException("the auxiliary head pools 5x5 windows, so it needs features of at least "
                    + "5x5 at cell 2·depth/3, got " + in.get(2) + "x" + in.get(3)
                    + "; use inputs of at least 20x20 or no auxiliary head");
        }
        Shape pooled = new Shape(in.get(0), in.get(1),
                (in.get(2) - POOL) / POOL_STRIDE + 1, (in.get(3) - POOL) / POOL_STRIDE + 1);
        if (expand == null) {
            int kernel = (int) Math.min(REFERENCE_KERNEL, Math.min(pooled.get(2), pooled.get(3)));
            expand = addChildBlock("conv_expand", CheckedConv2d.of(Conv2d.builder().setKernelShape(new Shape(kernel, kernel))
                    .setFilters(FEATURES).optBias(false)));
            expandNorm = addChildBlock("bn_2", Layers.batchNorm(true));
            classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());
            // Added after the network set its initializers, so set them here.
            TorchDefaultInit.applyTo(expand);
            TorchDefaultInit.applyTo(classifier);
        }
        reduce.initialize(manager, dataType, pooled);
        Shape hidden = reduce.getOutputShapes(new Shape[]{pooled})[0];
        reduceNorm.initialize(manager, dataType, hidden);
        expand.initialize(manager, dataType, hidden);
        Shape features = expand.getOutputShapes(new Shape[]{hidden})[0];
        expandNorm.initialize(manager, dataType, features);
        classifier.initialize(manager, dataType, new Shape(features.get(0), features.size() / features.get(0)));
    }

    /**
     * The kernel size of the second convolution, known once the head is initialized.
     * @return 2 (the reference) or 1 (features pooled to 1x1).
     * @throws IllegalStateException before initialization.
     */
    public int expandKernel() {
        if (expand == null) {
            throw new IllegalStateException("the auxiliary head is not initialized");
        }
        return (int) expand.getKernelShape().get(0);
    }
}
