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

package org.tribuo.nas.cost;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * Measures the cost of initialized blocks by one {@link CostMetric}.
 */
interface CostMeter extends AutoCloseable {

    /**
     * The cost of one op in isolation, without what running anything at all costs (the
     * runtime's per-call overhead), so that op costs add up.
     * @param op The initialized op, or null for the zero op (cost 0).
     * @param input Its input shape.
     * @return The cost.
     */
    double op(Block op, Shape input);

    /**
     * The cost of a whole network as it is served.
     * @param network The initialized network.
     * @param input Its input shape.
     * @return The cost.
     */
    double network(Block network, Shape input);

    /**
     * What this meter measures on, for provenance and cache keys.
     * @return e.g. {@code ONNX Runtime 1.20.0, batch 1, 1 thread}.
     */
    String describe();

    @Override
    void close();
}
