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
import ai.djl.ndarray.types.Shape;

import org.tribuo.nas.nn.AveragePooling;
import org.tribuo.nas.nn.BlockConstants;

/**
 * The {@code avg_pool_3x3} of a {@link FusedSearchCell}, shared by its mixed and sampled passes:
 * 3x3 average pooling, stride 1, padding 1, padded zeros not counted, with the ones kernel and
 * the window counts made once per channel count and spatial size.
 */
final class CellAveragePooling {

    private static final Shape POOL_KERNEL = new Shape(3, 3);
    private static final Shape UNIT = new Shape(1, 1);
    private static final Shape POOL_PADDING = new Shape(1, 1);

    private final BlockConstants constants;

    /**
     * Creates the pooling.
     * @param constants The owning cell's constants (kernels and counts are cached there).
     */
    CellAveragePooling(BlockConstants constants) {
        this.constants = constants;
    }

    /**
     * Pools an input.
     * @param x The input [B, C, H, W].
     * @return The pooled input, same shape.
     */
    NDArray pool(NDArray x) {
        Shape s = x.getShape();
        NDArray kernel = constants.get("window" + s.get(1), x, () -> AveragePooling.windowKernel(
                constants.manager(), s.get(1), POOL_KERNEL, x.getDataType(), x.getDevice()));
        NDArray counts = constants.get("counts" + s.get(2) + "x" + s.get(3), x, () -> AveragePooling.windowCounts(
                constants.manager(), s.get(2), s.get(3), x.getDataType(), x.getDevice(), POOL_KERNEL, UNIT, POOL_PADDING));
        return AveragePooling.excludingPadding(x, kernel, counts, UNIT, POOL_PADDING);
    }
}
