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
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.AveragePooling;
import org.tribuo.nas.nn.BlockConstants;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.space.OpSelection;

import java.util.ArrayList;
import java.util.List;

import static org.tribuo.nas.nn.SharedParameterOps.weightedNorm;

/**
 * A NAS-Bench-201 search cell computing the same function as {@link SearchCell} with fewer,
 * larger tensor ops: the edges leaving a node are evaluated together.
 * <p>
 * Inputs, output and math are those of {@link SearchCell}: the cell input and the shared
 * architecture matrix α ([6, numOps]); {@code node_i = Σ_{j<i} Σ_k α_{e(i,j),k} · op_k(node_j)};
 * the output is node 3. For each source node j (with {@code n = 3 − j} outgoing edges) the cell
 * runs:
 * <ul>
 *   <li>one ReLU of node j, shared by all its convolutions;</li>
 *   <li>one {@code 1x1} and one {@code 3x3} convolution, each with the kernels of the n edges
 *       concatenated along the output channels ({@code [n·C, C, k, k]}, rows {@code r·C..(r+1)·C}
 *       belong to the edge {@code j+1+r <- j});</li>
 *   <li>one batch norm over all those output channels (statistics are per channel, so this equals
 *       the per-edge batch norms, running statistics included);</li>
 *   <li>one average pooling of node j, with the {@code count_include_pad=False} divisor computed
 *       once per spatial size;</li>
 *   <li>one stack of the M op outputs ({@code [M, B·C·H·W]}: skip, pool, and every edge's
 *       convolution chunk) and one matrix product that forms the α-weighted sums of all n target
 *       nodes at once ({@code [n, M] × [M, B·C·H·W]}; the weight matrix is gathered from α in one
 *       op, with exact zeros where an edge does not read a chunk);</li>
 *   <li>one addition into the partial sums of the later nodes, whose rows stay contiguous.</li>
 * </ul>
 * {@code none} is skipped, as in {@link MixedOp}: its column of α is never read. A cell's
 * forward pass makes 53 native calls instead of {@link SearchCell}'s 189 (see
 * {@code docs/performance.md}).
 * The parameters therefore differ in shape and name from {@link SearchCell}'s;
 * {@link FusedCellParameters} maps between the two layouts.
 * <p>
 * When the {@link OpSelection} samples one op per edge (GDAS), the cell runs only the sampled ops,
 * edge by edge, exactly as {@link MixedOp} does, on slices of the concatenated parameters
 * ({@link SampledFusedCell}); the running statistics of the unsampled ops are left untouched.
 */
public final class FusedSearchCell extends AbstractBlock {

    /** Nodes with outgoing edges: 0, 1 and 2. */
    static final int SOURCES = Nb201Space.NUM_NODES - 1;
    /** The batch-norm momentum and epsilon of {@link Layers#batchNorm(boolean)} (DJL's momentum default). */
    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape POOL_PADDING = new Shape(1, 1);

    private final Nb201Space space;
    private final int channels;
    /** The parameter-free ops (skip, pool) in column order, and their α columns. */
    private final List<Nb201Op> freeOps = new ArrayList<>();
    private final List<Integer> freeColumns = new ArrayList<>();
    /** The convolution ops in column order, and their α columns. */
    private final List<Nb201Op> convOps = new ArrayList<>();
    private final List<Integer> convColumns = new ArrayList<>();
    /** [source][conv op]: the concatenated convolution of that op over the source's edges. */
    private final Conv2d[][] convs;
    /** [source]: the batch norm over all convolution outputs of the source, or null without convolutions. */
    private final BatchNorm[] norms = new BatchNorm[SOURCES];
    /** [source]: flat indices into α of the parameter-free ops' weights, [edges, F]. */
    private final long[][] freeIndex = new long[SOURCES][];
    /** [source]: flat indices into α of the convolution ops' weights, [K, edges]. */
    private final long[][] convIndex = new long[SOURCES][];
    private final BlockConstants constants = new BlockConstants("the fused cell");
    private final SampledFusedCell sampledPass;

    /**
     * Creates the cell.
     * @param space The candidate ops.
     * @param channels Channels in and out.
     */
    public FusedSearchCell(Nb201Space space, int channels) {
        this.space = space;
        this.channels = channels;
        this.sampledPass = new SampledFusedCell(this);
        List<Nb201Op> ops = space.ops();
        for (int k = 0; k < ops.size(); k++) {
            Nb201Op op = ops.get(k);
            if (op == Nb201Op.SKIP_CONNECT || op == Nb201Op.AVG_POOL_3X3) {
                freeOps.add(op);
                freeColumns.add(k);
            } else if (op == Nb201Op.NOR_CONV_1X1 || op == Nb201Op.NOR_CONV_3X3) {
                convOps.add(op);
                convColumns.add(k);
            }
        }
        convs = new Conv2d[SOURCES][convOps.size()];
        for (int j = 0; j < SOURCES; j++) {
            int edges = edgesFrom(j);
            for (int c = 0; c < convOps.size(); c++) {
                int kernel = kernelSize(convOps.get(c));
                convs[j][c] = addChildBlock(convOps.get(c).opName() + "_from" + j, CheckedConv2d.of(Conv2d.builder()
                        .setKernelShape(new Shape(kernel, kernel))
                        .setFilters(edges * channels)
                        .optPadding(new Shape(kernel / 2, kernel / 2))
                        .optBias(false)
                        ));
            }
            if (!convOps.isEmpty()) {
                norms[j] = addChildBlock("bn_from" + j, Layers.batchNorm(false));
            }
            freeIndex[j] = freeIndex(j, ops.size());
            convIndex[j] = convIndex(j, ops.size());
        }
    }

    /**
     * The number of edges leaving a node, {@code 3 − source}: one to every later node.
     * @param source The source node (0..2).
     * @return The edge count.
     */
    static int edgesFrom(int source) {
        return Nb201Space.NUM_NODES - 1 - source;
    }

    static int kernelSize(Nb201Op op) {
        return op == Nb201Op.NOR_CONV_1X1 ? 1 : 3;
    }

    /**
     * Flat indices into α ([6, numOps]) of the parameter-free ops' weights on the edges leaving a
     * source node: [n, F], row r the edge {@code source+1+r <- source}.
     */
    private long[] freeIndex(int source, int numOps) {
        int edges = edgesFrom(source);
        long[] index = new long[edges * freeColumns.size()];
        for (int r = 0; r < edges; r++) {
            int e = Nb201Space.edgeIndex(source + 1 + r, source);
            for (int f = 0; f < freeColumns.size(); f++) {
                index[r * freeColumns.size() + f] = (long) e * numOps + freeColumns.get(f);
            }
        }
        return index;
    }

    /**
     * Flat indices into α ([6, numOps]) of the convolution ops' weights on the edges leaving a
     * source node: [K, n] in the batch-norm channel order (see {@link #normOffset}).
     */
    private long[] convIndex(int source, int numOps) {
        int edges = edgesFrom(source);
        long[] index = new long[convColumns.size() * edges];
        for (int k = 0; k < convColumns.size(); k++) {
            for (int r = 0; r < edges; r++) {
                int e = Nb201Space.edgeIndex(source + 1 + r, source);
                index[k * edges + r] = (long) e * numOps + convColumns.get(k);
            }
        }
        return index;
    }

    /**
     * The candidate ops.
     * @return The space.
     */
    public Nb201Space space() {
        return space;
    }

    /**
     * Channels in and out.
     * @return C.
     */
    public int channels() {
        return channels;
    }

    /**
     * The concatenated convolution of one op over a source node's edges: its kernel is
     * {@code [n·C, C, k, k]}, rows {@code r·C..(r+1)·C} for the edge {@code source+1+r <- source}.
     * @param source The source node (0..2).
     * @param op {@code nor_conv_1x1} or {@code nor_conv_3x3}, which must be in the space.
     * @return The convolution block.
     * @throws IllegalArgumentException if the op is not a convolution of the space.
     */
    public Conv2d convolution(int source, Nb201Op op) {
        return convs[source][convPosition(op)];
    }

    /**
     * The batch norm over all convolution outputs of a source node, channels ordered as the
     * concatenated convolutions in column order ({@link #normOffset}).
     * @param source The source node (0..2).
     * @return The batch norm, or null if the space has no convolution.
     */
    public BatchNorm norm(int source) {
        return norms[source];
    }

    /**
     * Where an edge's convolution op starts in its source's batch-norm channels.
     * @param edge The edge index.
     * @param op {@code nor_conv_1x1} or {@code nor_conv_3x3}, which must be in the space.
     * @return The first channel; the op owns C channels from there.
     */
    public long normOffset(int edge, Nb201Op op) {
        int source = Nb201Space.edgeFrom(edge);
        return ((long) convPosition(op) * edgesFrom(source) + row(edge)) * channels;
    }

    /**
     * Where an edge starts in the output channels (kernel rows) of its source's concatenated convolutions.
     * @param edge The edge index.
     * @return The first row; the edge owns C rows from there.
     */
    public long kernelOffset(int edge) {
        return (long) row(edge) * channels;
    }

    /** The position of an edge among its source's outgoing edges. */
    private static int row(int edge) {
        return Nb201Space.edgeTo(edge) - 1 - Nb201Space.edgeFrom(edge);
    }

    private int convPosition(Nb201Op op) {
        int position = convOps.indexOf(op);
        if (position < 0) {
            throw new IllegalArgumentException("'" + op.opName() + "' is not a convolution of " + space);
        }
        return position;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray alpha = inputs.get(1);
        OpSelection selection = OpSelection.of(params);
        if (selection.isSampled()) {
            return new NDList(sampledPass.forward(ps, x, alpha, selection, training));
        }
        if (freeOps.isEmpty() && convOps.isEmpty()) {
            return new NDList(x.zerosLike());
        }
        Shape nodeShape = x.getShape();
        NDArray pending = null;
        NDArray node = x;
        for (int j = 0; j < SOURCES; j++) {
            NDArray out = edgeOutputs(ps, node, j, alpha, training);
            // Row r of pending is (the part computed so far of) node j+1+r.
            pending = pending == null ? out : pending.add(out);
            if (j < SOURCES - 1) {
                NDList firstAndRest = pending.split(new long[]{1}, 0);
                node = firstAndRest.get(0).reshape(nodeShape);
                pending = firstAndRest.get(1);
            } else {
                node = pending.reshape(nodeShape);
            }
        }
        return new NDList(node);
    }

    /**
     * The α-weighted sums of the edges leaving a source node, [n, B·C·H·W] (row r: the edge to
     * node source+1+r). The parameter-free ops read the same input on every edge, so their
     * outputs are stacked and weighted by one [n, F] × [F, B·C·H·W] product; each convolution
     * chunk belongs to one edge only, so the batch-norm output, viewed as [B, K, n, C·H·W], is
     * scaled by the [K, n] weights and summed over the K convolution ops.
     */
    private NDArray edgeOutputs(ParameterStore ps, NDArray node, int source, NDArray alpha, boolean training) {
        int edges = edgesFrom(source);
        Shape shape = node.getShape();
        long batch = shape.get(0);
        long plane = shape.size() / batch;
        NDArray sums = null;
        if (!freeOps.isEmpty()) {
            NDList outputs = new NDList(freeOps.size());
            for (Nb201Op op : freeOps) {
                outputs.add(op == Nb201Op.SKIP_CONNECT ? node : pool(node));
            }
            NDArray stacked = outputs.size() == 1 ? outputs.get(0).reshape(1, -1)
                    : NDArrays.stack(outputs, 0).reshape(outputs.size(), -1);
            NDArray weights = alpha.take(alpha.getManager(), index("free" + source, alpha, freeIndex[source],
                    new Shape(edges, freeOps.size())));
            sums = weights.matMul(stacked).reshape(edges, batch, plane);
        }
        if (!convOps.isEmpty()) {
            NDList activated = new NDList(Activation.relu(node));
            NDList convolved = new NDList(convOps.size());
            for (Conv2d conv : convs[source]) {
                convolved.add(conv.forward(ps, activated, training).singletonOrThrow());
            }
            NDArray joined = convolved.size() == 1 ? convolved.get(0) : NDArrays.concat(convolved, 1);
            NDArray weights = alpha.take(alpha.getManager(), index("conv" + source, alpha, convIndex[source],
                    new Shape(convOps.size(), edges, 1)));
            // The batch norm is not affine, so its scale is free to carry the α weight of each channel's
            // edge and op: the norm's output is already weighted, in the same pass.
            NDArray scale = weights.broadcast(new Shape(convOps.size(), edges, channels)).reshape(-1);
            NDArray weighted = weightedNorm(ps, norms[source], joined, scale, training)
                    .reshape(batch, convOps.size(), edges, plane);
            NDArray perEdge = convOps.size() == 1 ? weighted.reshape(batch, edges, plane) : weighted.sum(new int[]{1});
            // [edges, B, C·H·W] as a view; the add below writes the sum in that (contiguous) order.
            NDArray edgeMajor = perEdge.transpose(1, 0, 2);
            sums = sums == null ? edgeMajor : sums.add(edgeMajor);
        }
        return sums.reshape(edges, -1);
    }

    /** A cached index array of flat α positions. */
    private NDArray index(String name, NDArray alpha, long[] flat, Shape shape) {
        return constants.get(name, alpha, () -> constants.manager().create(flat, shape).toDevice(alpha.getDevice(), false));
    }

    /** 3x3 average pooling, stride 1, padding 1, padded zeros not counted (also the sampled pass's). */
    NDArray pool(NDArray x) {
        Shape s = x.getShape();
        NDArray kernel = constants.get("window" + s.get(1), x, () -> AveragePooling.windowKernel(
                constants.manager(), s.get(1), POOL_KERNEL, x.getDataType(), x.getDevice()));
        NDArray counts = constants.get("counts" + s.get(2) + "x" + s.get(3), x, () -> AveragePooling.windowCounts(
                constants.manager(), s.get(2), s.get(3), x.getDataType(), x.getDevice(), POOL_KERNEL, UNIT, POOL_PADDING));
        return AveragePooling.excludingPadding(x, kernel, counts, UNIT, POOL_PADDING);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[]{inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        constants.attach(manager);
        Shape x = inputShapes[0];
        for (int j = 0; j < SOURCES; j++) {
            for (Conv2d conv : convs[j]) {
                conv.initialize(manager, dataType, x);
            }
            if (norms[j] != null) {
                long normChannels = (long) convOps.size() * edgesFrom(j) * channels;
                norms[j].initialize(manager, dataType, new Shape(x.get(0), normChannels, x.get(2), x.get(3)));
            }
        }
    }
}
