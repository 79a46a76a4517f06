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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.nn.ReluConvBn;

import java.util.List;

/**
 * A DARTS search cell computing the same function as {@link DartsSearchCell} with fewer, larger
 * tensor ops: the edges leaving each state are evaluated together by one {@link FusedDartsEdges}
 * (one for both cell inputs, which feed the same four nodes at the same stride, and one for each
 * of nodes 0, 1 and 2).
 * <p>
 * Inputs, output and math are those of {@link DartsSearchCell}. The α·β products of all edges
 * are formed once per cell ({@code [28·numOps]}, then β and a constant 1) and each fused block
 * gathers the weights it needs into its batch-norm scales. With partial channels the bypassed
 * channels are the same on every edge leaving a state, and the channel shuffle is a fixed
 * permutation, so {@code node = Σ_e β_e · shuffle(concat(mixed_e, bypass_e))} is computed as
 * {@code shuffle(concat(Σ_e β_e·mixed_e, Σ_e β_e·bypass_e))}: one shuffle per node instead of one
 * per edge. The partial sums of the later nodes are kept as one contiguous [nodes, B, C, H, W]
 * array, as in the fused NAS-Bench-201 cell.
 * <p>
 * The parameters therefore differ in shape and name from {@link DartsSearchCell}'s (each
 * state's edges own one concatenated kernel per op kind). With a sampled op per edge (GDAS) the
 * cell runs edge by edge, each edge on its slices of the parameters, as {@link DartsSearchCell}.
 */
public final class FusedDartsSearchCell extends AbstractBlock {

    /** Fused blocks: one for the two cell inputs, one for each of the first three nodes. */
    private static final int BLOCKS = DartsCellLayout.NODES;
    private static final Shape TWO = new Shape(2, 2);
    private static final Shape ZERO = new Shape(0, 0);

    private final int channels;
    private final int partialChannels;
    private final int active;
    private final boolean reduction;
    /** Where β starts in the weight vector {@code [α·β flattened, β, 1]}. */
    private final long betaOffset;
    private final Block preprocess0;
    private final ReluConvBn preprocess1;
    private final FusedDartsEdges[] blocks = new FusedDartsEdges[BLOCKS];

    /**
     * Creates the cell.
     * @param ops The candidate ops, in α's column order.
     * @param channels C, the channels of each node.
     * @param reduction Whether this is a reduction cell.
     * @param reductionPrev Whether the previous cell was a reduction cell.
     * @param partialChannels K of partial-channel edges; 1 runs the ops on all channels.
     */
    public FusedDartsSearchCell(List<DartsOp> ops, int channels, boolean reduction, boolean reductionPrev,
                                int partialChannels) {
        if (partialChannels <= 0 || channels % partialChannels != 0) {
            throw new IllegalArgumentException("partialChannels K=" + partialChannels + " must divide the " + channels
                    + " channels of the cell");
        }
        this.channels = channels;
        this.partialChannels = partialChannels;
        this.active = channels / partialChannels;
        this.reduction = reduction;
        preprocess0 = addChildBlock("preprocess0", reductionPrev ? new FactorizedReduce(channels, false)
                : new ReluConvBn(channels, 1, 1, 0, false));
        preprocess1 = addChildBlock("preprocess1", new ReluConvBn(channels, 1, 1, 0, false));
        this.betaOffset = (long) DartsCellLayout.ALPHA_ROWS * ops.size();
        long oneOffset = betaOffset + DartsCellLayout.ALPHA_ROWS;
        // Block 0 reads both cell inputs (same targets, same stride); blocks 1..3 read nodes 0..2.
        for (int b = 0; b < BLOCKS; b++) {
            int first = firstState(b);
            int count = statesOf(b);
            int targets = edgesFrom(first);
            int[] rows = new int[count * targets];
            for (int s = 0; s < count; s++) {
                for (int r = 0; r < targets; r++) {
                    rows[s * targets + r] = DartsCellLayout.alphaRow(reduction,
                            DartsCellLayout.firstEdge(firstTarget(first + s) + r) + first + s);
                }
            }
            blocks[b] = addChildBlock(b == 0 ? "from01" : "from" + first, new FusedDartsEdges(ops, active,
                    DartsCellLayout.stride(reduction, first), count, rows, oneOffset));
        }
    }

    /** The first state a fused block reads: block 0 reads states 0 and 1, block b > 0 state b + 1. */
    private static int firstState(int block) {
        return block == 0 ? 0 : block + 1;
    }

    /** The number of states a fused block reads. */
    private static int statesOf(int block) {
        return block == 0 ? 2 : 1;
    }

    /** The fused block reading a state, and the state's position in that block. */
    private static int blockOf(int state) {
        return state < 2 ? 0 : state - 1;
    }

    /** The first node (0..3) reading a state: node i reads states 0..i+1. */
    private static int firstTarget(int state) {
        return Math.max(0, state - 1);
    }

    /** The number of edges leaving a state. */
    private static int edgesFrom(int state) {
        return DartsCellLayout.NODES - firstTarget(state);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray alpha = inputs.get(2);
        NDArray beta = inputs.size() > 3 ? inputs.get(3) : null;
        NDArray[] states = new NDArray[2 + DartsCellLayout.NODES];
        states[0] = preprocess0.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        states[1] = preprocess1.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
        OpSelection selection = OpSelection.of(params);
        if (selection.isSampled()) {
            sampledNodes(ps, states, alpha, beta, selection, training);
        } else {
            fusedNodes(ps, states, alpha, beta, training);
        }
        return new NDList(NDArrays.concat(new NDList(states[2], states[3], states[4], states[5]), 1));
    }

    private void fusedNodes(ParameterStore ps, NDArray[] states, NDArray alpha, NDArray beta, boolean training) {
        NDArray weights = weightVector(alpha, beta);
        NDArray pending = null;
        for (int b = 0; b < BLOCKS; b++) {
            int first = firstState(b);
            NDArray input = b == 0 ? NDArrays.concat(new NDList(activePart(states[0]), activePart(states[1])), 1)
                    : activePart(states[first]);
            NDArray mixed = blocks[b].forward(ps, new NDList(input, weights), training).singletonOrThrow();
            NDArray contribution = partialChannels == 1 ? mixed
                    : NDArrays.concat(new NDList(mixed, weightedBypass(states, b, weights, beta != null)), 2);
            pending = pending == null ? contribution : pending.add(contribution);
            // Row 0 of pending is now complete: node b, state b + 2.
            Shape row = pending.getShape().slice(1);
            NDArray node;
            if (b < BLOCKS - 1) {
                NDList firstAndRest = pending.split(new long[]{1}, 0);
                node = firstAndRest.get(0);
                pending = firstAndRest.get(1);
            } else {
                node = pending;
            }
            states[b + 2] = shuffle(node.reshape(row));
        }
    }

    /** {@code [α·β flattened (28·numOps), β (28; ones without β), 1]}: the weights the fused blocks gather. */
    private static NDArray weightVector(NDArray alpha, NDArray beta) {
        NDManager manager = alpha.getManager();
        long rows = alpha.getShape().get(0);
        NDArray scaled = beta == null ? alpha : alpha.mul(beta.reshape(rows, 1));
        NDArray edgeWeights = beta == null ? manager.ones(new Shape(rows), alpha.getDataType(), alpha.getDevice()) : beta;
        NDArray one = manager.ones(new Shape(1), alpha.getDataType(), alpha.getDevice());
        return NDArrays.concat(new NDList(scaled.reshape(-1), edgeWeights, one), 0);
    }

    /** The channels the ops run on: the first C/K. */
    private NDArray activePart(NDArray x) {
        return partialChannels == 1 ? x : x.get(new NDIndex(":, :{}", active));
    }

    /**
     * The bypassed channels (max-pooled 2x2 at stride 2) of a block's states, summed per target
     * node with each edge's β: [E, B, C - C/K, H', W'].
     */
    private NDArray weightedBypass(NDArray[] states, int block, NDArray weights, boolean edgeWeights) {
        int first = firstState(block);
        int count = statesOf(block);
        int targets = blocks[block].targets();
        NDList bypassed = new NDList(count);
        for (int s = first; s < first + count; s++) {
            bypassed.add(bypass(states[s], s));
        }
        Shape one = bypassed.get(0).getShape();
        if (!edgeWeights) {
            NDArray sum = count == 1 ? bypassed.get(0) : bypassed.get(0).add(bypassed.get(1));
            return sum.expandDims(0).broadcast(new Shape(targets, one.get(0), one.get(1), one.get(2), one.get(3)));
        }
        // [E, S] × [S, B·(C−C/K)·H'·W']
        NDArray stacked = count == 1 ? bypassed.get(0).reshape(1, -1) : NDArrays.stack(bypassed, 0).reshape(count, -1);
        return blocks[block].edgeBetas(weights, betaOffset).matMul(stacked)
                .reshape(targets, one.get(0), one.get(1), one.get(2), one.get(3));
    }

    private NDArray bypass(NDArray x, int source) {
        NDArray bypass = x.get(new NDIndex(":, {}:", active));
        return DartsCellLayout.stride(reduction, source) == 2 ? Pool.maxPool2d(bypass, TWO, TWO, ZERO, false) : bypass;
    }

    private NDArray shuffle(NDArray node) {
        return partialChannels == 1 ? node : ChannelShuffle.shuffle(node, partialChannels);
    }

    /** {@link DartsSearchCell}'s edge-by-edge forward pass with one sampled op per edge. */
    private void sampledNodes(ParameterStore ps, NDArray[] states, NDArray alpha, NDArray beta, OpSelection selection,
                              boolean training) {
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            NDArray sum = null;
            for (int input = 0; input < DartsCellLayout.inputsOf(node); input++) {
                int row = DartsCellLayout.alphaRow(reduction, DartsCellLayout.firstEdge(node) + input);
                NDArray x = states[input];
                int block = blockOf(input);
                int edgeInBlock = (input - firstState(block)) * blocks[block].targets() + node - firstTarget(input);
                NDArray out = blocks[block].sampledEdge(ps, activePart(x), alpha.get(row), edgeInBlock,
                        selection.sampledOp(row), training);
                if (partialChannels > 1) {
                    out = ChannelShuffle.shuffle(NDArrays.concat(new NDList(out, bypass(x, input)), 1), partialChannels);
                }
                if (beta != null) {
                    out = out.mul(beta.get(row));
                }
                sum = sum == null ? out : sum.add(out);
            }
            states[node + 2] = sum;
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{DartsCellLayout.cellOutput(inputShapes[1], channels, reduction)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in1 = DartsCellLayout.initializePreprocessing(preprocess0, preprocess1, manager, dataType, inputShapes);
        if (reduction && active < channels) {
            DartsCellLayout.checkEven(in1, "a strided partial-channel edge");
        }
        Shape node = DartsCellLayout.strided(in1, channels, reduction ? 2 : 1);
        for (int b = 0; b < BLOCKS; b++) {
            Shape state = b == 0 ? in1 : node;
            blocks[b].initialize(manager, dataType,
                    new Shape(state.get(0), (long) statesOf(b) * active, state.get(2), state.get(3)), new Shape(1));
        }
    }
}
