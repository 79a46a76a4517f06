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
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.tribuo.nas.nn.TrainingOnly;

/**
 * Counts trainable parameters (exact, so no cache is needed).
 */
final class ParameterCounter implements CostMeter {

    @Override
    public double op(Block op, Shape input) {
        return op == null ? 0 : count(op);
    }

    @Override
    public double network(Block network, Shape input) {
        return count(network);
    }

    /**
     * The trainable parameters of an initialized block as it is served: running statistics and
     * {@link TrainingOnly} blocks (an auxiliary head) excluded.
     * @param block The block.
     * @return The count.
     */
    static long count(Block block) {
        if (block instanceof TrainingOnly) {
            return 0;
        }
        long total = 0;
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            if (p.getValue().requiresGradient()) {
                total += p.getValue().getArray().size();
            }
        }
        for (Pair<String, Block> child : block.getChildren()) {
            total += count(child.getValue());
        }
        return total;
    }

    @Override
    public String describe() {
        return "trainable parameters";
    }

    @Override
    public void close() {
        // nothing held
    }
}
