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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;

import org.tribuo.nas.nn.BlockConstants;

import java.util.List;

import static org.tribuo.nas.nn.SharedParameterOps.BN_EPSILON;
import static org.tribuo.nas.nn.SharedParameterOps.BN_MOMENTUM;
import static org.tribuo.nas.nn.SharedParameterOps.value;
import static org.tribuo.nas.nn.SharedParameterOps.weightedNorm;
import org.tribuo.nas.numerics.NativeScalars;

/**
 * The ops of one {@link FusedDartsEdges} that read the same input on every edge: the pools (each
 * followed by its edge's non-affine batch norm) and, at stride 1, the identity. In training the
 * batch norm normalizes by the batch's statistics, the same for every edge, so the pools and
 * their norm run once for all edges ({@link #shared}); in inference each edge has its own running
 * statistics, so the pooled maps are tiled to every edge ({@link #perEdgePoolNorms}).
 */
final class FusedFreeOps {

    private final FusedEdgeLayout layout;
    private final FusedEdgeBlocks blocks;
    private final FusedPooling pooling;
    private final FusedEdgeWeights edgeWeights;
    private final BlockConstants constants;

    /**
     * Creates the ops.
     * @param layout The edges' layout.
     * @param blocks Their fused parameters (the pools' batch norm).
     * @param pooling Their pools.
     * @param edgeWeights Gathers their weights.
     * @param constants The owning block's constants (the unit scale and zero shift are cached there).
     */
    FusedFreeOps(FusedEdgeLayout layout, FusedEdgeBlocks blocks, FusedPooling pooling, FusedEdgeWeights edgeWeights,
                 BlockConstants constants) {
        this.layout = layout;
        this.blocks = blocks;
        this.pooling = pooling;
        this.edgeWeights = edgeWeights;
        this.constants = constants;
    }

    /**
     * Inference: the pools normalized by each edge's own running statistics, the pooled maps
     * tiled to (pool, source, target, channel).
     * @param ps The parameter store.
     * @param a The input [B, S·A, H, W].
     * @param weights The weight vector.
     * @param out The output shape of one edge [B, A, H', W'].
     * @param training Whether batch norms use and update batch statistics.
     * @return The weighted pool outputs [B, P·S·E·A, H', W'].
     */
    NDArray perEdgePoolNorms(ParameterStore ps, NDArray a, NDArray weights, Shape out, boolean training) {
        List<DartsOp> pools = layout.pools();
        int active = layout.active();
        NDArray stacked = stackPools(a, pools);
        long batch = out.get(0);
        NDArray tiled = stacked.reshape(batch, pools.size(), layout.sources(), 1, (long) active * out.get(2) * out.get(3))
                .tile(new long[]{1, 1, 1, layout.targets(), 1})
                .reshape(batch, (long) pools.size() * layout.edges() * active, out.get(2), out.get(3));
        return weightedNorm(ps, blocks.poolNorm(), tiled, edgeWeights.scale("pool", weights, pools, false), training);
    }

    /**
     * Training: {@code Σ_f w_ef · free_f(a)} for every edge e as [B, E, A·H'·W']. Every edge's
     * normalized pool output is the same array, so it is computed once and the per-edge sums are
     * one [E, F] × [B, F, A·H'·W'] product; each edge's running statistics still move exactly as
     * its own batch norm would move them.
     * @param ps The parameter store.
     * @param a The input [B, S·A, H, W].
     * @param weights The weight vector.
     * @return The weighted sums.
     */
    NDArray shared(ParameterStore ps, NDArray a, NDArray weights) {
        List<DartsOp> pools = layout.pools();
        int active = layout.active();
        int sources = layout.sources();
        long batch = a.getShape().get(0);
        NDList free = new NDList(pools.size() + 1);
        if (!pools.isEmpty()) {
            NDArray stacked = stackPools(a, pools);
            if (pools.size() > 1) {
                Shape s = stacked.getShape();
                stacked = stacked.reshape(batch, (long) pools.size() * sources * active, s.get(3), s.get(4));
            }
            free.add(sharedPoolNorm(ps, stacked).reshape(batch, pools.size(), -1));
        }
        if (layout.identity()) {
            free.add(a.reshape(batch, 1, -1));
        }
        // [B, F·S, A·H'·W']: row (op, source); the product sums over both.
        Shape out = DartsCellLayout.strided(a.getShape(), active, layout.stride());
        NDArray columns = (free.size() == 1 ? free.get(0) : NDArrays.concat(free, 1)).reshape(batch, -1,
                out.size() / batch);
        return edgeWeights.freeOps(weights).matMul(columns);
    }

    /** Each pool of the input, stacked along a new axis 1 when there are several. */
    private NDArray stackPools(NDArray a, List<DartsOp> pools) {
        NDList pooled = new NDList(pools.size());
        for (DartsOp op : pools) {
            pooled.add(pooling.pool(a, op));
        }
        return pooled.size() == 1 ? pooled.get(0) : NDArrays.stack(pooled, 1);
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
}
