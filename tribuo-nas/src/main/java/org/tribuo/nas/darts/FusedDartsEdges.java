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
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.BlockConstants;
import org.tribuo.nas.nn.MixedOp;

import java.util.List;

import static org.tribuo.nas.darts.FusedParameterOps.factorizedReduction;
import static org.tribuo.nas.nn.SharedParameterOps.weightedNorm;

/**
 * The mixed ops of all the edges that leave one state of a DARTS search cell (or both cell
 * inputs, which feed the same nodes at the same stride), computed together: the edges read the
 * same input (with partial channels, the same first C/K channels), so each kind of op runs once
 * for all of them, on E times the channels, instead of once per edge.
 * <p>
 * For an input {@code a} [B, S·A, H, W] (the active channels of the S = 1 or 2 states read) it
 * returns, for every target node e, {@code Σ_s Σ_k w_sek · op_k(a_s)} as [E, B, A, H', W'], where
 * {@code w} are the edges' α rows already multiplied by their β entries (the caller's weight
 * vector). The edges are ordered (source, target); per kind of op it runs:
 * <ul>
 *   <li>convolutions ({@code sep_conv}, {@code dil_conv}): one ReLU of a, one tiling of it to
 *       S·E·A channels, one depthwise convolution per op kind with all edges' filters, one
 *       grouped pointwise convolution over all of them (groups = op kinds × edges, so every edge
 *       keeps its own [A, A] matrix), one batch norm (per-channel statistics, so equal to the
 *       per-edge norms); the second stack of the {@code sep_conv}s likewise
 *       ({@link FusedConvolutions});</li>
 *   <li>pools and the identity ({@code skip_connect} at stride 1): in training, one pooling per
 *       pool kind and one batch norm shared by the edges; in inference, the pooled maps tiled so
 *       that each edge uses its own running statistics ({@link FusedFreeOps});</li>
 *   <li>{@code skip_connect} at stride 2: one grouped pair of 1x1 convolutions with all edges'
 *       filters (the factorized reduction) and one batch norm;</li>
 *   <li>the α·β weights ride in the scale of the last (non-affine) batch norm of every op
 *       ({@link FusedEdgeWeights}); one concatenation and one sum over the op kinds and sources
 *       form the per-node sums.</li>
 * </ul>
 * Channel blocks are ordered (op kind, source, target, channel) everywhere ({@link FusedEdgeLayout});
 * the parameters are {@link FusedEdgeBlocks}. {@code none} is skipped, as in {@link MixedOp}. With a
 * sampled op per edge (GDAS), {@link #sampledEdge} runs one edge's op on its slices of the
 * parameters ({@link SampledFusedEdge}).
 */
final class FusedDartsEdges extends AbstractBlock {

    private final FusedEdgeLayout layout;
    private final FusedEdgeBlocks blocks;
    private final BlockConstants constants = new BlockConstants("the fused edges");
    private final FusedEdgeWeights edgeWeights;
    private final FusedConvolutions convolutions;
    private final FusedFreeOps freeOps;
    private final SampledFusedEdge sampledPass;

    /**
     * Creates the edges.
     * @param ops The candidate ops, in α's column order.
     * @param active A, the channels the ops run on (C/K).
     * @param stride 1, or 2 for the edges from the inputs of a reduction cell.
     * @param sources S, the states read (1, or 2 for the two cell inputs).
     * @param rows The global α row of each edge, ordered (source, target).
     * @param oneOffset Where the constant 1 sits in the weight vector (after the α·β entries).
     */
    FusedDartsEdges(List<DartsOp> ops, int active, int stride, int sources, int[] rows, long oneOffset) {
        layout = new FusedEdgeLayout(ops, active, stride, sources, rows, oneOffset);
        blocks = FusedEdgeBlocks.create(layout);
        for (Pair<String, Block> child : blocks.children(layout)) {
            addChildBlock(child.getKey(), child.getValue());
        }
        FusedPooling pooling = new FusedPooling(stride, constants);
        edgeWeights = new FusedEdgeWeights(layout, constants);
        convolutions = new FusedConvolutions(layout, blocks, edgeWeights);
        freeOps = new FusedFreeOps(layout, blocks, pooling, edgeWeights, constants);
        sampledPass = new SampledFusedEdge(layout, blocks, pooling);
    }

    /**
     * The number of edges per source (the nodes written).
     * @return E.
     */
    int targets() {
        return layout.targets();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray a = inputs.get(0);
        NDArray weights = inputs.get(1);
        Shape out = DartsCellLayout.strided(a.getShape(), layout.active(), layout.stride());
        boolean identity = layout.identity();
        List<DartsOp> pools = layout.pools();
        // [B, E, A·H'·W']: the parameter-free ops' weighted sums, computed once for all edges (training only).
        NDArray free = training && (identity || !pools.isEmpty()) ? freeOps.shared(ps, a, weights) : null;
        // Weighted op outputs, [B, kinds·S·E·A, H', W'] each, channel blocks (op kind, source, target, channel).
        NDList pieces = new NDList();
        if (free == null && !pools.isEmpty()) {
            pieces.add(freeOps.perEdgePoolNorms(ps, a, weights, out, training));
        }
        NDArray relu = layout.convs().isEmpty() && !layout.reduces() ? null : Activation.relu(a);
        if (!layout.convs().isEmpty()) {
            pieces.addAll(convolutions.forward(ps, relu, weights, training));
        }
        if (layout.skip() && (free == null || !identity)) {
            pieces.add(skipConnections(ps, a, relu, weights, out, training));
        }
        NDArray sum = edgeSums(a, pieces, free, out);
        return new NDList(sum.reshape(out.get(0), layout.targets(), layout.active(), out.get(2), out.get(3))
                .transpose(1, 0, 2, 3, 4));
    }

    /** Σ over op kinds and sources of the pieces, plus the parameter-free part: [B, E, A·H'·W'] or [B, E·A, H', W']. */
    private NDArray edgeSums(NDArray a, NDList pieces, NDArray free, Shape out) {
        int active = layout.active();
        int targets = layout.targets();
        if (pieces.isEmpty()) {
            return free != null ? free
                    : a.getManager().zeros(new Shape(out.get(0), (long) targets * active, out.get(2), out.get(3)),
                            a.getDataType(), a.getDevice());
        }
        NDArray all = pieces.size() == 1 ? pieces.get(0) : NDArrays.concat(pieces, 1);
        long terms = all.getShape().get(1) / ((long) targets * active);
        NDArray sum = terms == 1 ? all : all.reshape(out.get(0), terms, -1).sum(new int[]{1});
        return free == null ? sum : sum.reshape(free.getShape()).add(free);
    }

    /** skip_connect's weighted output: the identity (inference) or the factorized reduction (stride 2). */
    private NDArray skipConnections(ParameterStore ps, NDArray a, NDArray relu, NDArray weights, Shape out,
                                    boolean training) {
        int active = layout.active();
        int sources = layout.sources();
        int edges = layout.edges();
        NDArray skipScale = edgeWeights.scale("skip", weights, List.of(DartsOp.SKIP_CONNECT), false);
        long batch = out.get(0);
        if (layout.stride() == 1) {
            NDArray perEdge = skipScale.reshape(1, sources, layout.targets(), active, 1);
            return a.reshape(batch, sources, 1, active, out.get(2) * out.get(3)).mul(perEdge)
                    .reshape(batch, (long) edges * active, out.get(2), out.get(3));
        }
        NDArray reduced = factorizedReduction(ps, relu, edges, sources, blocks.reduceA(), blocks.reduceB(), training);
        return weightedNorm(ps, blocks.reduceNorm(), reduced, skipScale, training);
    }

    /**
     * One edge with one sampled op (GDAS), on this edge's slices of the parameters ({@link SampledFusedEdge}).
     * @param ps The parameter store.
     * @param a The input [B, A, H, W]: the active channels of the edge's state.
     * @param alphaRow The edge's α row [numOps] (not multiplied by β).
     * @param edge The edge's position in this block, source · E + target.
     * @param sampled The sampled op's column.
     * @param training Whether batch norms use and update batch statistics.
     * @return The edge output [B, A, H', W'].
     */
    NDArray sampledEdge(ParameterStore ps, NDArray a, NDArray alphaRow, int edge, int sampled, boolean training) {
        return sampledPass.forward(ps, a, alphaRow, edge, sampled, training);
    }

    /**
     * The β of the edges, [E, S] (row: target, column: source), gathered from the caller's weight
     * vector ({@code [α·β, β, 1]}).
     * @param weights The weight vector.
     * @param betaOffset Where β starts in it.
     * @return [E, S].
     */
    NDArray edgeBetas(NDArray weights, long betaOffset) {
        return edgeWeights.edgeBetas(weights, betaOffset);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = DartsCellLayout.strided(inputShapes[0], layout.active(), layout.stride());
        return new Shape[]{new Shape(layout.targets(), out.get(0), layout.active(), out.get(2), out.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        constants.attach(manager);
        blocks.initialize(manager, dataType, layout, inputShapes[0]);
    }
}
