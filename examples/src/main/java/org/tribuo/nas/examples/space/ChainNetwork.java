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
package org.tribuo.nas.examples.space;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.function.IntFunction;

/**
 * The network of {@link ChainCellSpace}: a 3x3 convolution stem to C channels, {@code depth}
 * cells at full resolution, global average pooling and a linear classifier. The same block is
 * the supernet (cells of mixed edges, inputs {@code [x, α]}) and the network of a genotype
 * (inputs {@code [x]}).
 */
final class ChainNetwork extends AbstractBlock {

    private final int numClasses;
    private final Block stem;
    private final Block stemNorm;
    private final Block[] cells;
    private final Block pool = Pool.globalAvgPool2dBlock();
    private final Block classifier;

    ChainNetwork(int channels, int depth, int numClasses, IntFunction<Block> cellFactory) {
        this.numClasses = numClasses;
        stem = addChildBlock("stem", CheckedConv2d.of(Conv2d.builder().setFilters(channels).setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).optBias(false)));
        stemNorm = addChildBlock("stem_bn", BatchNorm.builder().build());
        cells = new Block[depth];
        for (int i = 0; i < depth; i++) {
            cells[i] = addChildBlock("cell" + i, cellFactory.apply(channels));
        }
        classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList extras = inputs.subNDList(1);
        NDArray h = stemNorm.forward(ps, stem.forward(ps, new NDList(inputs.get(0)), training), training).singletonOrThrow();
        for (Block cell : cells) {
            NDList in = new NDList(h);
            in.addAll(extras);
            h = cell.forward(ps, in, training).singletonOrThrow();
        }
        NDArray pooled = pool.forward(ps, new NDList(h), training).singletonOrThrow();
        return classifier.forward(ps, new NDList(pooled), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{new Shape(inputShapes[0].get(0), numClasses)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        stem.initialize(manager, dataType, inputShapes[0]);
        Shape hidden = stem.getOutputShapes(new Shape[]{inputShapes[0]})[0];
        stemNorm.initialize(manager, dataType, hidden);
        for (Block cell : cells) {
            Shape[] in = inputShapes.clone();
            in[0] = hidden;
            cell.initialize(manager, dataType, in);
        }
        Shape pooled = pool.getOutputShapes(new Shape[]{hidden})[0];
        classifier.initialize(manager, dataType, pooled);
    }
}
