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

import java.util.HashMap;
import java.util.Map;

/**
 * What every latency meter shares: an op's latency is the block's time minus the time of the same
 * call without it (the runtime's per-call overhead, measured once per input shape), so that op
 * latencies add up; a network's is its time as it is.
 */
abstract class LatencyMeter implements CostMeter {

    private final Map<Shape, Double> emptyCall = new HashMap<>();

    /**
     * The median time of calling a block, or of the same call without one.
     * @param block The initialized block, or null for the empty call.
     * @param input The input shape, batch first.
     * @return Milliseconds.
     */
    abstract double time(Block block, Shape input);

    @Override
    public double op(Block op, Shape input) {
        if (op == null) {
            return 0;
        }
        double overhead = emptyCall.computeIfAbsent(input, s -> time(null, s));
        return Math.max(0, time(op, input) - overhead);
    }

    @Override
    public double network(Block network, Shape input) {
        return time(network, input);
    }
}
