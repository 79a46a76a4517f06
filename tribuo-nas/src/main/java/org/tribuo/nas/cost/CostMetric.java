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

/**
 * What a cost-aware search costs a network by.
 */
public enum CostMetric {
    /** Trainable parameters (weights, biases, batch-norm scales and shifts): the model's size. */
    PARAMETERS("parameters"),
    /** Median wall time of one forward pass on the serving runtime, in milliseconds. */
    LATENCY("ms");

    private final String unit;

    CostMetric(String unit) {
        this.unit = unit;
    }

    /**
     * The unit of costs of this metric.
     * @return e.g. {@code ms}.
     */
    public String unit() {
        return unit;
    }

    /**
     * A cost with its unit, e.g. {@code 0.412 ms} or {@code 48,410 parameters}.
     * @param cost The cost.
     * @return The text.
     */
    public String format(double cost) {
        return this == LATENCY ? String.format(java.util.Locale.ROOT, "%.3f ms", cost)
                : String.format(java.util.Locale.ROOT, "%,.0f parameters", cost);
    }
}
