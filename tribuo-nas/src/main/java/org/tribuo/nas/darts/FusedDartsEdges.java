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
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.AveragePooling;
import org.tribuo.nas.nn.BlockConstants;
import org.tribuo.nas.nn.DepthwiseConvolution;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.MixedOp;

import java.util.ArrayList;
import java.util.List;

import static org.tribuo.nas.darts.FusedParameterOps.BN_EPSILON;
import static org.tribuo.nas.darts.FusedParameterOps.BN_MOMENTUM;
import static org.tribuo.nas.darts.FusedParameterOps.concat;
import static org.tribuo.nas.darts.FusedParameterOps.depthwise;
import static org.tribuo.nas.darts.FusedParameterOps.factorizedReduction;
import static org.tribuo.nas.darts.FusedParameterOps.slice;
import static org.tribuo.nas.darts.FusedParameterOps.sliceNorm;
import static org.tribuo.nas.darts.FusedParameterOps.value;
import static org.tribuo.nas.darts.FusedParameterOps.weightedNorm;

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
 * Channel blocks are ordered (op kind, source, target, channel) everywhere. {@code none} is
 * skipped, as in {@link MixedOp}. With a sampled op per edge (GDAS), {@link #sampledEdge}
 * runs one edge's op on its slices of the parameters, as {@link MixedOp} does.
 */
final class FusedDartsEdges extends AbstractBlock {

    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_PADDING = new Shape(1, 1);
    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);
    private static final Shape TWO = new Shape(2, 2);

    private final List<DartsOp> ops;
    private final int active;
    /** Edges in all: sources × targets, ordered (source, target). */
    private final int edges;
    /** States read, 1 or 2 (the two cell inputs share their targets and stride). */
    private final int sources;
    /** Nodes written: the edges per source. */
    private final int targets;
    private final int stride;
    /** The global α row of each edge, in target-node order. */
    private final int[] rows;
    /** Where, in the caller's weight vector, the α·β entry of (row, column) and the constant 1 sit. */
    private final int numOps;
    private final long oneOffset;

    private final List<DartsOp> pools = new ArrayList<>();
    /** Convolution ops, sep_convs first, then dil_convs (so each group is a contiguous channel range). */
    private final List<DartsOp> convs = new ArrayList<>();
    private final List<DartsOp> seps = new ArrayList<>();
    private final boolean skip;

    private final List<Conv2d> depthwise1 = new ArrayList<>();
    private final Conv2d pointwise1;
    private final BatchNorm norm1;
    private final List<Conv2d> depthwise2 = new ArrayList<>();
    private final Conv2d pointwise2;
    private final BatchNorm norm2;
    private final BatchNorm poolNorm;
    private final Conv2d reduceA;
    private final Conv2d reduceB;
    private final BatchNorm reduceNorm;

    private final BlockConstants constants = new BlockConstants("the fused edges");

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
        if (sources < 1 || rows.length % sources != 0) {
            throw new IllegalArgumentException(rows.length + " edges do not split over " + sources + " sources");
        }
        this.ops = List.copyOf(ops);
        this.active = active;
        this.edges = rows.length;
        this.sources = sources;
        this.targets = rows.length / sources;
        this.stride = stride;
        this.rows = rows.clone();
        this.numOps = ops.size();
        this.oneOffset = oneOffset;
        pools.addAll(ofKind(this.ops, DartsOp.Kind.POOL));
        seps.addAll(ofKind(this.ops, DartsOp.Kind.SEPARABLE_CONV));
        convs.addAll(seps);
        convs.addAll(ofKind(this.ops, DartsOp.Kind.DILATED_CONV));
        skip = this.ops.contains(DartsOp.SKIP_CONNECT);
        int width = edges * active;
        for (DartsOp op : convs) {
            depthwise1.add(addChildBlock("dw1_" + op.opName(), depthwiseConv(op, width, stride)));
        }
        pointwise1 = convs.isEmpty() ? null : addChildBlock("pw1", pointwise(convs.size() * width, convs.size() * edges));
        norm1 = convs.isEmpty() ? null : addChildBlock("bn1", Layers.batchNorm(false));
        for (DartsOp op : seps) {
            depthwise2.add(addChildBlock("dw2_" + op.opName(), depthwiseConv(op, width, 1)));
        }
        pointwise2 = seps.isEmpty() ? null : addChildBlock("pw2", pointwise(seps.size() * width, seps.size() * edges));
        norm2 = seps.isEmpty() ? null : addChildBlock("bn2", Layers.batchNorm(false));
        poolNorm = pools.isEmpty() ? null : addChildBlock("bn_pool", Layers.batchNorm(false));
        boolean reduces = skip && stride == 2;
        reduceA = reduces ? addChildBlock("fr_1", halfReduction(width / 2, sources)) : null;
        reduceB = reduces ? addChildBlock("fr_2", halfReduction(width / 2, sources)) : null;
        reduceNorm = reduces ? addChildBlock("bn_fr", Layers.batchNorm(false)) : null;
    }

    /**
     * The ops of one kind, in the order of the op list; the fused parameters are laid out by it.
     * @param ops The op list.
     * @param kind The kind.
     * @return Its ops of that kind.
     */
    static List<DartsOp> ofKind(List<DartsOp> ops, DartsOp.Kind kind) {
        return ops.stream().filter(o -> o.kind() == kind).toList();
    }

    private static Conv2d depthwiseConv(DartsOp op, int channels, int stride) {
        int k = op.kernel();
        int d = op.dilation();
        return Conv2d.builder().setKernelShape(new Shape(k, k)).setFilters(channels).optGroups(channels)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(op.padding(), op.padding()))
                .optDilation(new Shape(d, d)).optBias(false).build();
    }

    private static Conv2d pointwise(int channels, int groups) {
        return Conv2d.builder().setKernelShape(UNIT).setFilters(channels).optGroups(groups).optBias(false).build();
    }

    private static Conv2d halfReduction(int filters, int groups) {
        return Conv2d.builder().setKernelShape(UNIT).setFilters(filters).optGroups(groups).optStride(TWO).optBias(false)
                .build();
    }

    /**
     * The number of edges per source (the nodes written).
     * @return E.
     */
    int targets() {
        return targets;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray a = inputs.get(0);
        NDArray weights = inputs.get(1);
        Shape out = DartsCellLayout.strided(a.getShape(), active, stride);
        boolean identity = skip && stride == 1;
        // [B, E, A·H'·W']: the parameter-free ops' weighted sums, computed once for all edges (training only).
        NDArray free = training && (identity || !pools.isEmpty()) ? sharedFreeOps(ps, a, weights) : null;
        // Weighted op outputs, [B, kinds·S·E·A, H', W'] each, channel blocks (op kind, source, target, channel).
        NDList pieces = new NDList();
        if (free == null && !pools.isEmpty()) {
            pieces.add(perEdgePoolNorms(ps, a, weights, out, training));
        }
        NDArray relu = convs.isEmpty() && reduceA == null ? null : Activation.relu(a);
        if (!convs.isEmpty()) {
            pieces.addAll(convolutions(ps, relu, weights, training));
        }
        if (skip && (free == null || !identity)) {
            pieces.add(skipConnections(ps, a, relu, weights, out, training));
        }
        NDArray sum = edgeSums(a, pieces, free, out);
        return new NDList(sum.reshape(out.get(0), targets, active, out.get(2), out.get(3)).transpose(1, 0, 2, 3, 4));
    }

    /** Σ over op kinds and sources of the pieces, plus the parameter-free part: [B, E, A·H'·W'] or [B, E·A, H', W']. */
    private NDArray edgeSums(NDArray a, NDList pieces, NDArray free, Shape out) {
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
        NDList pooled = new NDList(pools.size());
        for (DartsOp op : pools) {
            pooled.add(pool(a, op));
        }
        NDArray stacked = pooled.size() == 1 ? pooled.get(0) : NDArrays.stack(pooled, 1);
        long batch = out.get(0);
        NDArray tiled = stacked.reshape(batch, pools.size(), sources, 1, (long) active * out.get(2) * out.get(3))
                .tile(new long[]{1, 1, 1, targets, 1})
                .reshape(batch, (long) pools.size() * edges * active, out.get(2), out.get(3));
        return weightedNorm(ps, poolNorm, tiled, scale("pool", weights, pools, false), training);
    }

    /**
     * The sep_convs' and dil_convs' weighted outputs: the dil_convs' first (and only) stack, then
     * the sep_convs' second stack.
     */
    private NDList convolutions(ParameterStore ps, NDArray relu, NDArray weights, boolean training) {
        Device device = relu.getDevice();
        Shape in = relu.getShape();
        long batch = in.get(0);
        long width = (long) edges * active;
        NDArray tiled = relu.reshape(batch, sources, 1, (long) active * in.get(2) * in.get(3))
                .tile(new long[]{1, 1, targets, 1}).reshape(batch, width, in.get(2), in.get(3));
        NDList spatial = new NDList(convs.size());
        for (int o = 0; o < convs.size(); o++) {
            spatial.add(depthwise(ps, depthwise1.get(o), convs.get(o), tiled, stride, training));
        }
        NDArray mixed = Conv2d.conv2d(concat(spatial), value(ps, pointwise1, "weight", device, training), null,
                UNIT, ZERO, UNIT, convs.size() * edges).singletonOrThrow();
        // The sep_conv channels are intermediate (scale 1); the dil_conv channels are final (scale α·β).
        NDArray normed = weightedNorm(ps, norm1, mixed, scale("conv", weights, convs, true), training);
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
                second.add(depthwise(ps, depthwise2.get(o), seps.get(o), part, 1, training));
            }
            NDArray mixed2 = Conv2d.conv2d(concat(second), value(ps, pointwise2, "weight", device, training), null,
                    UNIT, ZERO, UNIT, seps.size() * edges).singletonOrThrow();
            pieces.add(weightedNorm(ps, norm2, mixed2, scale("sep", weights, seps, false), training));
        }
        return pieces;
    }

    /** skip_connect's weighted output: the identity (inference) or the factorized reduction (stride 2). */
    private NDArray skipConnections(ParameterStore ps, NDArray a, NDArray relu, NDArray weights, Shape out,
                                    boolean training) {
        NDArray skipScale = scale("skip", weights, List.of(DartsOp.SKIP_CONNECT), false);
        long batch = out.get(0);
        if (stride == 1) {
            NDArray perEdge = skipScale.reshape(1, sources, targets, active, 1);
            return a.reshape(batch, sources, 1, active, out.get(2) * out.get(3)).mul(perEdge)
                    .reshape(batch, (long) edges * active, out.get(2), out.get(3));
        }
        NDArray reduced = factorizedReduction(ps, relu, edges, sources, reduceA, reduceB, training);
        return weightedNorm(ps, reduceNorm, reduced, skipScale, training);
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
        long batch = a.getShape().get(0);
        NDList free = new NDList(pools.size() + 1);
        if (!pools.isEmpty()) {
            NDList pooled = new NDList(pools.size());
            for (DartsOp op : pools) {
                pooled.add(pool(a, op));
            }
            Shape one = pooled.get(0).getShape();
            NDArray stacked = pooled.size() == 1 ? pooled.get(0)
                    : NDArrays.stack(pooled, 1).reshape(batch, (long) pools.size() * sources * active, one.get(2), one.get(3));
            free.add(sharedPoolNorm(ps, stacked).reshape(batch, pools.size(), -1));
        }
        if (skip && stride == 1) {
            free.add(a.reshape(batch, 1, -1));
        }
        // [B, F·S, A·H'·W']: row (op, source); the product sums over both.
        Shape out = DartsCellLayout.strided(a.getShape(), active, stride);
        NDArray columns = (free.size() == 1 ? free.get(0) : NDArrays.concat(free, 1)).reshape(batch, -1,
                out.size() / batch);
        NDArray positions = constants.get("free", weights, () -> {
            List<DartsOp> columnOps = new ArrayList<>(pools);
            if (skip && stride == 1) {
                columnOps.add(DartsOp.SKIP_CONNECT);
            }
            long[] index = new long[edges * columnOps.size()];
            int i = 0;
            for (int e = 0; e < targets; e++) {
                for (DartsOp op : columnOps) {
                    for (int source = 0; source < sources; source++) {
                        index[i++] = (long) rows[source * targets + e] * numOps + ops.indexOf(op);
                    }
                }
            }
            return constants.manager().create(index, new Shape(targets, (long) columnOps.size() * sources))
                    .toDevice(weights.getDevice(), false);
        });
        return weights.take(weights.getManager(), positions).matMul(columns);
    }

    /**
     * Training-mode batch norm of the pooled input [B, P·A, H', W'], shared by the edges; then each
     * edge's running statistics r become {@code m·r + (1−m)·batch statistic}, as in its own norm.
     */
    private NDArray sharedPoolNorm(ParameterStore ps, NDArray pooled) {
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
        Shape perEdge = new Shape(pools.size(), sources, targets, active);
        Shape shared = new Shape(pools.size(), sources, 1, active);
        value(ps, poolNorm, "runningMean", device, true).reshape(perEdge).muli(BN_MOMENTUM).addi(mean.reshape(shared));
        value(ps, poolNorm, "runningVar", device, true).reshape(perEdge).muli(BN_MOMENTUM).addi(variance.reshape(shared));
        return out;
    }

    /**
     * One edge with one sampled op, {@link MixedOp}'s sampled forward pass on this edge's
     * slices of the parameters: {@code w_k·op_k(a) + Σ_{j≠k} w_j}, zeros plus that sum for {@code none}.
     * @param ps The parameter store.
     * @param a The input [B, A, H, W]: the active channels of the edge's state.
     * @param alphaRow The edge's α row [numOps] (not multiplied by β).
     * @param edge The edge's position in this block, source · E + target.
     * @param sampled The sampled op's column.
     * @param training Whether batch norms use and update batch statistics.
     * @return The edge output [B, A, H', W'].
     */
    NDArray sampledEdge(ParameterStore ps, NDArray a, NDArray alphaRow, int edge, int sampled, boolean training) {
        if (sampled < 0 || sampled >= ops.size()) {
            throw new IllegalArgumentException("sampled op " + sampled + " of α row " + rows[edge] + " is out of range for "
                    + ops.size() + " ops");
        }
        DartsOp op = ops.get(sampled);
        NDArray out;
        if (op.kind() == DartsOp.Kind.ZERO) {
            Shape shape = DartsCellLayout.strided(a.getShape(), active, stride);
            out = a.getManager().zeros(shape, a.getDataType(), a.getDevice());
        } else {
            out = sampledOp(ps, a, op, edge, training).mul(alphaRow.get(sampled));
        }
        NDArray others = MixedOp.unsampledWeights(alphaRow, sampled);
        return others == null ? out : out.add(others);
    }

    private NDArray sampledOp(ParameterStore ps, NDArray a, DartsOp op, int edge, boolean training) {
        long channel = (long) edge * active;
        if (op.kind() == DartsOp.Kind.POOL) {
            return sliceNorm(ps, poolNorm, pool(a, op), ((long) pools.indexOf(op) * edges + edge) * active, active, training);
        }
        if (op.kind() == DartsOp.Kind.SKIP) {
            if (stride == 1) {
                return a;
            }
            NDArray reduced = factorizedReduction(Activation.relu(a), 1, 1,
                    slice(ps, reduceA, a.getDevice(), channel / 2, active / 2, training),
                    slice(ps, reduceB, a.getDevice(), channel / 2, active / 2, training));
            return sliceNorm(ps, reduceNorm, reduced, channel, active, training);
        }
        int o = convs.indexOf(op);
        NDArray x = DepthwiseConvolution.depthwise(Activation.relu(a),
                slice(ps, depthwise1.get(o), a.getDevice(), channel, active, training), stride, op.dilation());
        x = Conv2d.conv2d(x, slice(ps, pointwise1, a.getDevice(), ((long) o * edges + edge) * active, active, training), null)
                .singletonOrThrow();
        x = sliceNorm(ps, norm1, x, ((long) o * edges + edge) * active, active, training);
        int s = seps.indexOf(op);
        if (s < 0) {
            return x;
        }
        x = DepthwiseConvolution.depthwise(Activation.relu(x),
                slice(ps, depthwise2.get(s), a.getDevice(), channel, active, training), 1, 1);
        x = Conv2d.conv2d(x, slice(ps, pointwise2, a.getDevice(), ((long) s * edges + edge) * active, active, training), null)
                .singletonOrThrow();
        return sliceNorm(ps, norm2, x, ((long) s * edges + edge) * active, active, training);
    }

    /**
     * Max pooling, or average pooling over the valid cells; 3x3, padding 1. The average sums the
     * windows of all (example, channel) planes as one wide image, as {@link AveragePooling} does for
     * narrow inputs, with its ones kernel and window counts made once per size.
     */
    private NDArray pool(NDArray a, DartsOp op) {
        Shape strides = new Shape(stride, stride);
        if (op == DartsOp.MAX_POOL_3X3) {
            return Pool.maxPool2d(a, POOL_KERNEL, strides, POOL_PADDING, false);
        }
        Shape s = a.getShape();
        long planes = s.get(0) * s.get(1);
        NDArray kernel = constants.get("window" + planes, a, () -> AveragePooling.windowKernel(constants.manager(), planes,
                POOL_KERNEL, a.getDataType(), a.getDevice()));
        NDArray counts = constants.get("counts" + s.get(2) + "x" + s.get(3), a, () -> AveragePooling.windowCounts(
                constants.manager(), s.get(2), s.get(3), a.getDataType(), a.getDevice(), POOL_KERNEL, strides, POOL_PADDING));
        NDArray pooled = AveragePooling.excludingPadding(a.reshape(1, planes, s.get(2), s.get(3)), kernel, counts,
                strides, POOL_PADDING);
        Shape out = pooled.getShape();
        return pooled.reshape(s.get(0), s.get(1), out.get(2), out.get(3));
    }

    /**
     * The per-channel batch-norm scale of a group of ops, (op, edge, channel) ordered, gathered
     * from the weight vector: each edge's α·β entry of the op, or 1 for a {@code sep_conv}'s first
     * stack when {@code firstStack}.
     */
    private NDArray scale(String name, NDArray weights, List<DartsOp> group, boolean firstStack) {
        NDArray positions = constants.get(name, weights, () -> {
            long[] index = new long[group.size() * edges * active];
            int i = 0;
            for (DartsOp op : group) {
                boolean unit = firstStack && seps.contains(op);
                for (int e = 0; e < edges; e++) {
                    long position = unit ? oneOffset : (long) rows[e] * numOps + ops.indexOf(op);
                    for (int c = 0; c < active; c++) {
                        index[i++] = position;
                    }
                }
            }
            return constants.manager().create(index).toDevice(weights.getDevice(), false);
        });
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
        NDArray positions = constants.get("beta", weights, () -> {
            long[] index = new long[edges];
            for (int e = 0; e < targets; e++) {
                for (int source = 0; source < sources; source++) {
                    index[e * sources + source] = betaOffset + rows[source * targets + e];
                }
            }
            return constants.manager().create(index, new Shape(targets, sources)).toDevice(weights.getDevice(), false);
        });
        return weights.take(weights.getManager(), positions);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape out = DartsCellLayout.strided(inputShapes[0], active, stride);
        return new Shape[]{new Shape(targets, out.get(0), active, out.get(2), out.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        constants.attach(manager);
        Shape a = inputShapes[0];
        if (a.get(1) != (long) sources * active) {
            throw new IllegalArgumentException("fused DARTS edges built for " + sources + " × " + active
                    + " channels got an input " + a);
        }
        long batch = a.get(0);
        Shape out = DartsCellLayout.strided(a, active, stride);
        int width = edges * active;
        Shape tiled = new Shape(batch, width, a.get(2), a.get(3));
        for (Conv2d conv : depthwise1) {
            conv.initialize(manager, dataType, tiled);
        }
        if (!convs.isEmpty()) {
            Shape joined = new Shape(batch, (long) convs.size() * width, out.get(2), out.get(3));
            pointwise1.initialize(manager, dataType, joined);
            norm1.initialize(manager, dataType, joined);
        }
        Shape outTiled = new Shape(batch, width, out.get(2), out.get(3));
        for (Conv2d conv : depthwise2) {
            conv.initialize(manager, dataType, outTiled);
        }
        if (!seps.isEmpty()) {
            Shape joined = new Shape(batch, (long) seps.size() * width, out.get(2), out.get(3));
            pointwise2.initialize(manager, dataType, joined);
            norm2.initialize(manager, dataType, joined);
        }
        if (poolNorm != null) {
            poolNorm.initialize(manager, dataType, new Shape(batch, (long) pools.size() * width, out.get(2), out.get(3)));
        }
        if (reduceA != null) {
            DartsCellLayout.checkEven(a, "a strided skip_connect (factorized reduction)");
            reduceA.initialize(manager, dataType, a);
            reduceB.initialize(manager, dataType, a);
            reduceNorm.initialize(manager, dataType, outTiled);
        }
    }
}
