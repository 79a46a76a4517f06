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
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.tribuo.nas.nn.BlockConstants;

import java.util.List;
import java.util.function.Function;

/**
 * The weights one {@link FusedDartsEdges} gathers from the caller's weight vector
 * ({@code [α·β, β, 1]}) at the positions of its {@link FusedEdgeLayout}; each position array is
 * made once per device and data type, in the block's constants.
 */
final class FusedEdgeWeights {

    private final FusedEdgeLayout layout;
    private final BlockConstants constants;

    /**
     * Creates the gatherer.
     * @param layout The edges' layout.
     * @param constants The owning block's constants.
     */
    FusedEdgeWeights(FusedEdgeLayout layout, BlockConstants constants) {
        this.layout = layout;
        this.constants = constants;
    }

    /**
     * The per-channel batch-norm scale of a group of ops, (op, edge, channel) ordered
     * ({@link FusedEdgeLayout#scalePositions}).
     * @param name The name the positions are cached under.
     * @param weights The weight vector.
     * @param group The ops.
     * @param firstStack Whether this is the first stack of the convolutions (sep_convs scaled by 1).
     * @return The scale.
     */
    NDArray scale(String name, NDArray weights, List<DartsOp> group, boolean firstStack) {
        return gather(name, weights, manager -> manager.create(layout.scalePositions(group, firstStack)));
    }

    /**
     * The weights of the parameter-free ops, [E, F·S] (row: target, column: (op, source)).
     * @param weights The weight vector.
     * @return The weights.
     */
    NDArray freeOps(NDArray weights) {
        return gather("free", weights, manager -> manager.create(layout.freePositions(),
                new Shape(layout.targets(), (long) layout.freeOps().size() * layout.sources())));
    }

    /**
     * The β of the edges, [E, S] (row: target, column: source).
     * @param weights The weight vector.
     * @param betaOffset Where β starts in it.
     * @return [E, S].
     */
    NDArray edgeBetas(NDArray weights, long betaOffset) {
        return gather("beta", weights, manager -> manager.create(layout.betaPositions(betaOffset),
                new Shape(layout.targets(), layout.sources())));
    }

    /** The weights at the cached positions of a name, made by {@code positions} on first use. */
    private NDArray gather(String name, NDArray weights, Function<NDManager, NDArray> positions) {
        NDArray index = constants.get(name, weights,
                () -> positions.apply(constants.manager()).toDevice(weights.getDevice(), false));
        return weights.take(weights.getManager(), index);
    }
}
