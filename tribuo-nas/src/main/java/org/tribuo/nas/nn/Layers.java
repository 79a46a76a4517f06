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

package org.tribuo.nas.nn;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;


/**
 * Factories for the layers the networks are built from.
 */
public final class Layers {

    /** The epsilon of every batch norm (PyTorch's default). */
    public static final float BATCH_NORM_EPSILON = 1e-5f;

    private Layers() {}

    /**
     * A 2-d batch norm over axis 1; {@code affine=false} fixes the scale at 1 and the shift at 0,
     * as PyTorch's {@code BatchNorm2d(affine=False)}. Running statistics are always tracked.
     * @param affine Whether scale and shift are learned.
     * @return The block.
     */
    public static BatchNorm batchNorm(boolean affine) {
        return BatchNorm.builder().optCenter(affine).optScale(affine).optEpsilon(BATCH_NORM_EPSILON).build();
    }
}
