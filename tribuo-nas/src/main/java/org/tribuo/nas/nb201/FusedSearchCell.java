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
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import org.tribuo.nas.nn.CheckedConv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.tribuo.nas.nn.BlockConstants;
import org.tribuo.nas.nn.Layers;
import org.tribuo.nas.nn.MixedOp;
import org.tribuo.nas.space.OpSelection;

import java.util.List;

import static org.tribuo.nas.nb201.FusedCellLayout.SOURCES;
import static org.tribuo.nas.nb201.FusedCellLayout.edgesFrom;

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
 * {@link FusedCellParameters} maps between the two layouts, and {@link FusedCellLayout} says where
 * each edge's op sits in them. The pass above is {@link MixedFusedCell}.
 * <p>
 * When the {@link OpSelection} samples one op per edge (GDAS), the cell runs only the sampled ops,
 * edge by edge, exactly as {@link MixedOp} does, on slices of the concatenated parameters
 * ({@link SampledFusedCell}); the running statistics of the unsampled ops are left untouched.
 */
public final class FusedSearchCell extends AbstractBlock {

    private final Nb201Space space;
    private final int channels;
    private final FusedCellLayout layout;
    /** [source][conv op]: the concatenated convolution of that op over the source's edges. */
    private final Conv2d[][] convs;
    /** [source]: the batch norm over all convolution outputs of the source, or null without convolutions. */
    private final BatchNorm[] norms = new BatchNorm[SOURCES];
    private final BlockConstants constants = new BlockConstants("the fused cell");
    private final MixedFusedCell mixedPass;
    private final SampledFusedCell sampledPass;

    /**
     * Creates the cell.
     * @param space The candidate ops.
     * @param channels Channels in and out.
     */
    public FusedSearchCell(Nb201Space space, int channels) {
        this.space = space;
        this.channels = channels;
        this.layout = new FusedCellLayout(space, channels);
        List<Nb201Op> convOps = layout.convOps();
        convs = new Conv2d[SOURCES][convOps.size()];
        for (int j = 0; j < SOURCES; j++) {
            int edges = edgesFrom(j);
            for (int c = 0; c < convOps.size(); c++) {
                int kernel = FusedCellLayout.kernelSize(convOps.get(c));
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
        }
        CellAveragePooling pooling = new CellAveragePooling(constants);
        this.mixedPass = new MixedFusedCell(this, layout, pooling, constants);
        this.sampledPass = new SampledFusedCell(this, pooling);
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
        return convs[source][layout.convPosition(op)];
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
        return layout.normOffset(edge, op);
    }

    /**
     * Where an edge starts in the output channels (kernel rows) of its source's concatenated convolutions.
     * @param edge The edge index.
     * @return The first row; the edge owns C rows from there.
     */
    public long kernelOffset(int edge) {
        return layout.kernelOffset(edge);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray alpha = inputs.get(1);
        OpSelection selection = OpSelection.of(params);
        if (selection.isSampled()) {
            return new NDList(sampledPass.forward(ps, x, alpha, selection, training));
        }
        return new NDList(mixedPass.forward(ps, x, alpha, training));
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
                long normChannels = (long) layout.convOps().size() * edgesFrom(j) * channels;
                norms[j].initialize(manager, dataType, new Shape(x.get(0), normChannels, x.get(2), x.get(3)));
            }
        }
    }
}
