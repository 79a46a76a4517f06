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

package org.tribuo.nas.arch;

/**
 * Everything an {@link ArchitectureOptimizer} needs to continue exactly where it stopped, as plain
 * arrays (for checkpoints).
 *
 * @param geometry The geometry that wrote the state; restoring into another one is refused.
 * @param steps Steps taken so far.
 * @param parameters The trainable parameters: α for exponentiated gradient, θ for softmax geometries.
 * @param firstMoment Adam's first moment, or null if the geometry has none.
 * @param secondMoment Adam's second moment, or null if the geometry has none.
 */
public record ArchitectureState(ArchitectureGeometry geometry, int steps, float[][] parameters,
                                double[][] firstMoment, double[][] secondMoment) {

    /**
     * Checks that this state fits an optimizer.
     * @param expected The optimizer's geometry.
     * @param rows Its rows.
     * @param cols Its columns.
     * @throws IllegalArgumentException naming the mismatch.
     */
    void checkFits(ArchitectureGeometry expected, int rows, int cols) {
        if (geometry != expected) {
            throw new IllegalArgumentException("architecture state of geometry " + geometry + " cannot restore a "
                    + expected + " optimizer");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("architecture state has a negative step count " + steps);
        }
        if (parameters == null || parameters.length != rows || parameters[0].length != cols) {
            throw new IllegalArgumentException("architecture state parameters are not " + rows + "x" + cols);
        }
    }
}
