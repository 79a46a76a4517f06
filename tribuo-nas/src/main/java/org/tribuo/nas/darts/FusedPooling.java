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
import ai.djl.nn.pooling.Pool;

import org.tribuo.nas.nn.AveragePooling;
import org.tribuo.nas.nn.BlockConstants;

/**
 * The DARTS pools of {@link FusedDartsEdges}: 3x3 max pooling, or 3x3 average pooling over the
 * valid cells (padding 1, padded zeros not counted). The average sums the windows of all
 * (example, channel) planes as one wide image, as {@link AveragePooling} does for narrow inputs,
 * with its ones kernel and window counts made once per size.
 */
final class FusedPooling {

    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape POOL_PADDING = new Shape(1, 1);

    private final Shape strides;
    private final BlockConstants constants;

    /**
     * Creates the pooling.
     * @param stride 1, or 2 in a reduction.
     * @param constants The owning block's constants (kernels and counts are cached there).
     */
    FusedPooling(int stride, BlockConstants constants) {
        this.strides = new Shape(stride, stride);
        this.constants = constants;
    }

    /**
     * Pools an input.
     * @param a The input [B, C, H, W].
     * @param op {@code max_pool_3x3} or {@code avg_pool_3x3}.
     * @return The pooled input [B, C, H', W'].
     */
    NDArray pool(NDArray a, DartsOp op) {
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
}
