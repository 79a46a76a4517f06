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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.BlockConstants;
import org.tribuo.nas.nn.MixedOp;

import java.util.List;

import static org.tribuo.nas.darts.FusedParameterOps.concat;
import static org.tribuo.nas.darts.FusedParameterOps.depthwise;
import static org.tribuo.nas.darts.FusedParameterOps.factorizedReduction;
import static org.tribuo.nas.nn.SharedParameterOps.BN_EPSILON;
import static org.tribuo.nas.nn.SharedParameterOps.BN_MOMENTUM;
import static org.tribuo.nas.nn.SharedParameterOps.value;
import static org.tribuo.nas.nn.SharedParameterOps.weightedNorm;
import org.tribuo.nas.numerics.CheckedConvolutions;
import org.tribuo.nas.numerics.NativeScalars;

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
 *       per-edge norms); the second stack of the {@code sep_conv}s likewise;</li>
 *   <li>pools and the identity ({@code skip_connect} at stride 1): in training, one pooling per
 *       pool kind and one batch norm shared by the edges (see {@link #sharedFreeOps}); in
 *       inference, the pooled maps tiled so that each edge uses its own running statistics;</li>
 *   <li>{@code skip_connect} at stride 2: one grouped pair of 1x1 convolutions with all edges'
 *       filters (the factorized reduction) and one batch norm;</li>
 *   <li>the α·β weights ride in the scale of the last (non-affine) batch norm of every op; one
 *       concatenation and one sum over the op kinds and sources form the per-node sums.</li>
 * </ul>
 * Channel blocks are ordered (op kind, source, target, channel) everywhere ({@link FusedEdgeLayout});
 * the parameters are {@link FusedEdgeBlocks}. {@code none} is skipped, as in {@link MixedOp}. With a
 * sampled op per edge (GDAS), {@link #sampledEdge} runs one edge's op on its slices of the
 * parameters ({@link SampledFusedEdge}).
 */
final class FusedDartsEdges extends AbstractBlock {

    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);

    private final FusedEdgeLayout layout;
    private final FusedEdgeBlocks blocks;
    private final BlockConstants constants = new BlockConstants("the fused edges");
    private final FusedPooling pooling;
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
        pooling = new FusedPooling(stride, constants);
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
        NDArray free = training && (identity || !pools.isEmpty()) ? sharedFreeOps(ps, a, weights) : null;
        // Weighted op outputs, [B, kinds·S·E·A, H', W'] each, channel blocks (op kind, source, target, channel).
        NDList pieces = new NDList();
        if (free == null && !pools.isEmpty()) {
            pieces.add(perEdgePoolNorms(ps, a, weights, out, training));
        }
        NDArray relu = layout.convs().isEmpty() && !layout.reduces() ? null : Activation.relu(a);
        if (!layout.convs().isEmpty()) {
            pieces.addAll(convolutions(ps, relu, weights, training));
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

    /**
     * Inference: the pools normalized by each edge's own running statistics, the pooled maps
     * tiled to (pool, source, target, channel).
     */
    private NDArray perEdgePoolNorms(ParameterStore ps, NDArray a, NDArray weights, Shape out, boolean training) {
        List<DartsOp> pools = layout.pools();
        int active = layout.active();
        NDList pooled = new NDList(pools.size());
        for (DartsOp op : pools) {
            pooled.add(pooling.pool(a, op));
        }
        NDArray stacked = pooled.size() == 1 ? pooled.get(0) : NDArrays.stack(pooled, 1);
        long batch = out.get(0);
        NDArray tiled = stacked.reshape(batch, pools.size(), layout.sources(), 1, (long) active * out.get(2) * out.get(3))
                .tile(new long[]{1, 1, 1, layout.targets(), 1})
                .reshape(batch, (long) pools.size() * layout.edges() * active, out.get(2), out.get(3));
        return weightedNorm(ps, blocks.poolNorm(), tiled, scale("pool", weights, pools, false), training);
    }

    /**
     * The sep_convs' and dil_convs' weighted outputs: the dil_convs' first (and only) stack, then
     * the sep_convs' second stack.
     */
    private NDList convolutions(ParameterStore ps, NDArray relu, NDArray weights, boolean training) {
        List<DartsOp> convs = layout.convs();
        List<DartsOp> seps = layout.seps();
        int active = layout.active();
        int edges = layout.edges();
        Device device = relu.getDevice();
        Shape in = relu.getShape();
        long batch = in.get(0);
        long width = (long) edges * active;
        NDArray tiled = relu.reshape(batch, layout.sources(), 1, (long) active * in.get(2) * in.get(3))
                .tile(new long[]{1, 1, layout.targets(), 1}).reshape(batch, width, in.get(2), in.get(3));
        NDList spatial = new NDList(convs.size());
        for (int o = 0; o < convs.size(); o++) {
            spatial.add(depthwise(ps, blocks.depthwise1().get(o), convs.get(o), tiled, layout.stride(), training));
        }
        NDArray mixed = CheckedConvolutions.conv2d(concat(spatial), value(ps, blocks.pointwise1(), "weight", device, training), null,
                UNIT, ZERO, UNIT, convs.size() * edges);
        // The sep_conv channels are intermediate (scale 1); the dil_conv channels are final (scale α·β).
        NDArray normed = weightedNorm(ps, blocks.norm1(), mixed, scale("conv", weights, convs, true), training);
        NDList pieces = new NDList(2);
        long sepChannels = seps.size() * width;
        if (seps.size() < convs.size()) {
            pieces.add(seps.isEmpty() ? normed : normed.get(new NDIndex(":, {}:", sepChannels)));
        }
        if (!seps.isEmpty()) {
            NDArray first = seps.size() == convs.size() ? normed : normed.get(new NDIndex(":, :{}", sepChannels));
            NDArray activated = Activation.relu(first);
            NDList second = new NDList(seps.size());
            for (int o = 0; o < seps.size(); o++) {
                NDArray part = seps.size() == 1 ? activated
                        : activated.get(new NDIndex(":, {}:{}", o * width, (o + 1) * width));
                second.add(depthwise(ps, blocks.depthwise2().get(o), seps.get(o), part, 1, training));
            }
            NDArray mixed2 = CheckedConvolutions.conv2d(concat(second), value(ps, blocks.pointwise2(), "weight", device, training), null,
                    UNIT, ZERO, UNIT, seps.size() * edges);
            pieces.add(weightedNorm(ps, blocks.norm2(), mixed2, scale("sep", weights, seps, false), training));
        }
        return pieces;
    }

    /** skip_connect's weighted output: the identity (inference) or the factorized reduction (stride 2). */
    private NDArray skipConnections(ParameterStore ps, NDArray a, NDArray relu, NDArray weights, Shape out,
                                    boolean training) {
        int active = layout.active();
        int sources = layout.sources();
        int edges = layout.edges();
        NDArray skipScale = scale("skip", weights, List.of(DartsOp.SKIP_CONNECT), false);
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
     * The parameter-free ops in training mode, {@code Σ_f w_ef · free_f(a)} for every edge e as
     * [B, E, A·H'·W']: the pools and the identity read the same input on every edge, and a
     * non-affine batch norm in training mode normalizes by the batch's statistics, so every edge's
     * normalized pool output is the same array. It is computed once and the per-edge sums are one
     * [E, F] × [B, F, A·H'·W'] product; each edge's running statistics still move exactly as its
     * own batch norm would move them.
     */
    private NDArray sharedFreeOps(ParameterStore ps, NDArray a, NDArray weights) {
        List<DartsOp> pools = layout.pools();
        int active = layout.active();
        int sources = layout.sources();
        long batch = a.getShape().get(0);
        NDList free = new NDList(pools.size() + 1);
        if (!pools.isEmpty()) {
            NDList pooled = new NDList(pools.size());
            for (DartsOp op : pools) {
                pooled.add(pooling.pool(a, op));
            }
            Shape one = pooled.get(0).getShape();
            NDArray stacked = pooled.size() == 1 ? pooled.get(0)
                    : NDArrays.stack(pooled, 1).reshape(batch, (long) pools.size() * sources * active, one.get(2), one.get(3));
            free.add(sharedPoolNorm(ps, stacked).reshape(batch, pools.size(), -1));
        }
        if (layout.identity()) {
            free.add(a.reshape(batch, 1, -1));
        }
        // [B, F·S, A·H'·W']: row (op, source); the product sums over both.
        Shape out = DartsCellLayout.strided(a.getShape(), active, layout.stride());
        NDArray columns = (free.size() == 1 ? free.get(0) : NDArrays.concat(free, 1)).reshape(batch, -1,
                out.size() / batch);
        NDArray positions = constants.get("free", weights, () -> constants.manager()
                .create(layout.freePositions(), new Shape(layout.targets(), (long) layout.freeOps().size() * sources))
                .toDevice(weights.getDevice(), false));
        return weights.take(weights.getManager(), positions).matMul(columns);
    }

    /**
     * Training-mode batch norm of the pooled input [B, P·A, H', W'], shared by the edges; then each
     * edge's running statistics r become {@code m·r + (1−m)·batch statistic}, as in its own norm.
     */
    private NDArray sharedPoolNorm(ParameterStore ps, NDArray pooled) {
        List<DartsOp> pools = layout.pools();
        int active = layout.active();
        int sources = layout.sources();
        NDManager manager = pooled.getManager();
        Device device = pooled.getDevice();
        DataType type = pooled.getDataType();
        Shape channels = new Shape(pooled.getShape().get(1));
        // Running statistics that start at zero end up as (1−m) times the batch mean and unbiased variance.
        NDArray mean = manager.zeros(channels, type, device);
        NDArray variance = manager.zeros(channels, type, device);
        NDArray unit = constants.get("unitScale", pooled, () -> constants.manager().ones(channels, type, device));
        NDArray zero = constants.get("zeroShift", pooled, () -> constants.manager().zeros(channels, type, device));
        NDArray out = BatchNorm.batchNorm(pooled, mean, variance, unit, zero, 1, BN_MOMENTUM, BN_EPSILON, true)
                .singletonOrThrow();
        Shape perEdge = new Shape(pools.size(), sources, layout.targets(), active);
        Shape shared = new Shape(pools.size(), sources, 1, active);
        NativeScalars.muli(value(ps, blocks.poolNorm(), "runningMean", device, true).reshape(perEdge), BN_MOMENTUM).addi(mean.reshape(shared));
        NativeScalars.muli(value(ps, blocks.poolNorm(), "runningVar", device, true).reshape(perEdge), BN_MOMENTUM).addi(variance.reshape(shared));
        return out;
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
     * The per-channel batch-norm scale of a group of ops, (op, edge, channel) ordered, gathered
     * from the weight vector ({@link FusedEdgeLayout#scalePositions}).
     */
    private NDArray scale(String name, NDArray weights, List<DartsOp> group, boolean firstStack) {
        NDArray positions = constants.get(name, weights, () -> constants.manager()
                .create(layout.scalePositions(group, firstStack)).toDevice(weights.getDevice(), false));
        return weights.take(weights.getManager(), positions);
    }

    /**
     * The β of the edges, [E, S] (row: target, column: source), gathered from the caller's weight
     * vector ({@code [α·β, β, 1]}).
     * @param weights The weight vector.
     * @param betaOffset Where β starts in it.
     * @return [E, S].
     */
    NDArray edgeBetas(NDArray weights, long betaOffset) {
        NDArray positions = constants.get("beta", weights, () -> constants.manager()
                .create(layout.betaPositions(betaOffset), new Shape(layout.targets(), layout.sources()))
                .toDevice(weights.getDevice(), false));
        return weights.take(weights.getManager(), positions);
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
