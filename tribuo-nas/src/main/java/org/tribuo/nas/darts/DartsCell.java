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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.ReluConvBn;

import java.util.List;
import org.tribuo.nas.onnx.OnnxBlock;
import org.tribuo.nas.onnx.OnnxGraphWriter;
import org.tribuo.util.onnx.ONNXRef;

/**
 * A discrete DARTS cell (DARTS's {@code model.Cell}) built from a genotype, with affine batch
 * norms. The inputs are preprocessed as in {@link DartsSearchCell}; node i adds the ops of its
 * two pairs, each applied to the state it reads (stride 2 on the cell inputs of a reduction
 * cell); the output concatenates the genotype's concat nodes.
 * <p>
 * In a training forward with drop-path on, every op output except the identity's is multiplied
 * by a per-example {@link DropPath} mask. Inputs: {@code [s0, s1]}; output
 * [B, concat·C, H/stride, W/stride].
 */
public final class DartsCell extends AbstractBlock implements OnnxBlock {

    private final int channels;
    private final boolean reduction;
    private final List<DartsEdge> pairs;
    private final List<Integer> concat;
    private final DropPath dropPath;
    private final Block preprocess0;
    private final ReluConvBn preprocess1;
    private final Block[] ops = new Block[DartsCellLayout.PAIRS];
    private final boolean[] identity = new boolean[DartsCellLayout.PAIRS];

    /**
     * Creates the cell.
     * @param genotype The architecture.
     * @param channels C, the channels of each node.
     * @param reduction Whether this is a reduction cell (built from the genotype's reduce cell).
     * @param reductionPrev Whether the previous cell was a reduction cell.
     * @param dropPath The network's drop-path masks.
     */
    public DartsCell(DartsGenotype genotype, int channels, boolean reduction, boolean reductionPrev, DropPath dropPath) {
        this.channels = channels;
        this.reduction = reduction;
        this.pairs = genotype.cell(reduction);
        this.concat = genotype.concat(reduction);
        this.dropPath = dropPath;
        preprocess0 = addChildBlock("preprocess0", reductionPrev ? new FactorizedReduce(channels, true)
                : new ReluConvBn(channels, 1, 1, 0, true));
        preprocess1 = addChildBlock("preprocess1", new ReluConvBn(channels, 1, 1, 0, true));
        for (int p = 0; p < ops.length; p++) {
            DartsEdge pair = pairs.get(p);
            int stride = DartsCellLayout.stride(reduction, pair.input());
            ops[p] = addChildBlock("node" + (p / 2 + 2) + "_" + pair.op().opName() + "_from" + pair.input(),
                    DartsOps.networkOp(pair.op(), channels, stride));
            identity[p] = DartsOps.isIdentity(pair.op(), stride);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray[] states = new NDArray[2 + DartsCellLayout.NODES];
        states[0] = preprocess0.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        states[1] = preprocess1.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
        boolean drop = training && dropPath.isActive();
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            NDArray sum = null;
            for (int p = 2 * node; p < 2 * node + 2; p++) {
                NDArray h = ops[p].forward(ps, new NDList(states[pairs.get(p).input()]), training).singletonOrThrow();
                if (drop && !identity[p]) {
                    h = dropPath.apply(h);
                }
                sum = sum == null ? h : sum.add(h);
            }
            states[node + 2] = sum;
        }
        NDList out = new NDList(concat.size());
        for (int state : concat) {
            out.add(states[state]);
        }
        return new NDList(NDArrays.concat(out, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.strided(inputShapes[1], (long) concat.size() * channels, reduction ? 2 : 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in1 = DartsCellLayout.initializePreprocessing(preprocess0, preprocess1, manager, dataType, inputShapes);
        Shape node = DartsCellLayout.strided(in1, channels, reduction ? 2 : 1);
        for (int p = 0; p < ops.length; p++) {
            ops[p].initialize(manager, dataType, pairs.get(p).input() < 2 ? in1 : node);
        }
    }

    @Override
    public ONNXRef<?> writeOnnx(OnnxGraphWriter writer, List<ONNXRef<?>> inputs) {
        ONNXRef<?>[] states = new ONNXRef<?>[2 + DartsCellLayout.NODES];
        states[0] = writer.write(preprocess0, inputs.get(0));
        states[1] = writer.write(preprocess1, inputs.get(1));
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            ONNXRef<?> sum = null;
            for (int p = 2 * node; p < 2 * node + 2; p++) {
                ONNXRef<?> h = writer.write(ops[p], states[pairs.get(p).input()]);
                sum = sum == null ? h : writer.add(sum, h);
            }
            states[node + 2] = sum;
        }
        List<ONNXRef<?>> out = new java.util.ArrayList<>(concat.size());
        for (int state : concat) {
            out.add(states[state]);
        }
        return writer.concat(out, 1);
    }
}
