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
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

import org.tribuo.nas.nn.DepthwiseConvolution;
import org.tribuo.nas.nn.MixedOp;

import static org.tribuo.nas.darts.FusedParameterOps.factorizedReduction;
import static org.tribuo.nas.nn.SharedParameterOps.kernelRows;
import static org.tribuo.nas.nn.SharedParameterOps.sliceNorm;
import org.tribuo.nas.numerics.CheckedConvolutions;

/**
 * The sampled (GDAS) pass of {@link FusedDartsEdges}: one edge with one sampled op, computed as
 * {@link MixedOp}'s sampled forward pass on that edge's slices of the fused parameters,
 * {@code w_k·op_k(a) + Σ_{j≠k} w_j} (zeros plus that sum for {@code none}). Only the sampled op's
 * running statistics move.
 */
final class SampledFusedEdge {

    private final FusedEdgeLayout layout;
    private final FusedEdgeBlocks blocks;
    private final FusedPooling pooling;

    /**
     * Creates the pass.
     * @param layout The edges' layout.
     * @param blocks Their fused parameters.
     * @param pooling Their pools.
     */
    SampledFusedEdge(FusedEdgeLayout layout, FusedEdgeBlocks blocks, FusedPooling pooling) {
        this.layout = layout;
        this.blocks = blocks;
        this.pooling = pooling;
    }

    /**
     * One edge's output.
     * @param ps The parameter store.
     * @param a The input [B, A, H, W]: the active channels of the edge's state.
     * @param alphaRow The edge's α row [numOps] (not multiplied by β).
     * @param edge The edge's position in the block, source · E + target.
     * @param sampled The sampled op's column.
     * @param training Whether batch norms use and update batch statistics.
     * @return The edge output [B, A, H', W'].
     */
    NDArray forward(ParameterStore ps, NDArray a, NDArray alphaRow, int edge, int sampled, boolean training) {
        if (sampled < 0 || sampled >= layout.ops().size()) {
            throw new IllegalArgumentException("sampled op " + sampled + " of α row " + layout.row(edge)
                    + " is out of range for " + layout.ops().size() + " ops");
        }
        DartsOp op = layout.ops().get(sampled);
        NDArray out;
        if (op.kind() == DartsOp.Kind.ZERO) {
            Shape shape = DartsCellLayout.strided(a.getShape(), layout.active(), layout.stride());
            out = a.getManager().zeros(shape, a.getDataType(), a.getDevice());
        } else {
            out = sampledOp(ps, a, op, edge, training).mul(alphaRow.get(sampled));
        }
        NDArray others = MixedOp.unsampledWeights(alphaRow, sampled);
        return others == null ? out : out.add(others);
    }

    private NDArray sampledOp(ParameterStore ps, NDArray a, DartsOp op, int edge, boolean training) {
        int active = layout.active();
        long channel = (long) edge * active;
        if (op.kind() == DartsOp.Kind.POOL) {
            return sliceNorm(ps, blocks.poolNorm(), pooling.pool(a, op), layout.channel(layout.pools().indexOf(op), edge),
                    active, training);
        }
        if (op.kind() == DartsOp.Kind.SKIP) {
            return layout.stride() == 1 ? a : reduction(ps, a, channel, training);
        }
        int o = layout.convs().indexOf(op);
        NDArray x = DepthwiseConvolution.depthwise(Activation.relu(a),
                kernelRows(ps, blocks.depthwise1().get(o), a, channel, active, training), layout.stride(), op.dilation());
        x = pointwiseAndNorm(ps, x, blocks.pointwise1(), blocks.norm1(), layout.channel(o, edge), training);
        int s = layout.seps().indexOf(op);
        if (s < 0) {
            return x;
        }
        x = DepthwiseConvolution.depthwise(Activation.relu(x),
                kernelRows(ps, blocks.depthwise2().get(s), x, channel, active, training), 1, 1);
        return pointwiseAndNorm(ps, x, blocks.pointwise2(), blocks.norm2(), layout.channel(s, edge), training);
    }

    private NDArray pointwiseAndNorm(ParameterStore ps, NDArray x, Conv2d pointwise,
                                     BatchNorm norm, long channel, boolean training) {
        int active = layout.active();
        NDArray y = CheckedConvolutions.conv2d(x, kernelRows(ps, pointwise, x, channel, active, training), null);
        return sliceNorm(ps, norm, y, channel, active, training);
    }

    /** skip_connect at stride 2: the edge's halves of the factorized reduction, then its norm. */
    private NDArray reduction(ParameterStore ps, NDArray a, long channel, boolean training) {
        int active = layout.active();
        NDArray reduced = factorizedReduction(Activation.relu(a), 1, 1,
                kernelRows(ps, blocks.reduceA(), a, channel / 2, active / 2, training),
                kernelRows(ps, blocks.reduceB(), a, channel / 2, active / 2, training));
        return sliceNorm(ps, blocks.reduceNorm(), reduced, channel, active, training);
    }
}
