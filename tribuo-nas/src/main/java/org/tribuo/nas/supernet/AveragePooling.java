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

package org.tribuo.nas.supernet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Average pooling that does not count padded zeros, PyTorch's {@code count_include_pad=False}.
 * <p>
 * DJL 0.36's PyTorch engine ignores {@code Pool.avgPool2d}'s {@code countIncludePad} flag and
 * always counts the padding (measured: a 3x3 window at the corner of a ramp divides by 9, not 4).
 * This divides the zero-padded average by the padded average of ones, the fraction of each
 * window inside the input, which gives exactly the average over the valid cells.
 */
public final class AveragePooling {

    private AveragePooling() {}

    /**
     * 2-d average pooling over the valid (unpadded) cells of each window, floor mode.
     * @param x The input [B, C, H, W].
     * @param kernel The window.
     * @param stride The stride.
     * @param padding Zero padding on each side.
     * @return The pooled array.
     */
    public static NDArray excludingPadding(NDArray x, Shape kernel, Shape stride, Shape padding) {
        NDArray pooled = Pool.avgPool2d(x, kernel, stride, padding, false, true);
        if (padding.get(0) == 0 && padding.get(1) == 0) {
            return pooled;
        }
        Shape s = x.getShape();
        NDArray ones = x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3)), x.getDataType(), x.getDevice());
        return pooled.div(Pool.avgPool2d(ones, kernel, stride, padding, false, true));
    }

    /**
     * The divisor {@link #excludingPadding} applies to the zero-padded average: the zero-padded
     * average of ones, i.e. the fraction of each window inside the input. It depends only on the
     * spatial size, so a caller may compute it once per size and reuse it:
     * {@code Pool.avgPool2d(x, kernel, stride, padding, false, true).div(divisor)} equals
     * {@code excludingPadding(x, kernel, stride, padding)} exactly.
     * @param manager The manager the divisor belongs to.
     * @param height The input height.
     * @param width The input width.
     * @param dataType The input's data type.
     * @param device The input's device.
     * @param kernel The window.
     * @param stride The stride.
     * @param padding Zero padding on each side.
     * @return The divisor, shape [1, 1, H', W'].
     */
    public static NDArray paddingDivisor(NDManager manager, long height, long width, DataType dataType, Device device,
                                         Shape kernel, Shape stride, Shape padding) {
        try (NDArray ones = manager.ones(new Shape(1, 1, height, width), dataType, device)) {
            return Pool.avgPool2d(ones, kernel, stride, padding, false, true);
        }
    }
}
