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
 * The Gumbel-softmax temperature per epoch: τ_max during the warm-up, then linear towards τ_min,
 * <pre>
 *   τ(e) = τ_max − (τ_max − τ_min) · max(e − warmup, 0) / (E − 1),  never below τ_min
 * </pre>
 * for the 0-based epoch e of E. With no warm-up this is GDAS's schedule (10 → 0.1); with one it
 * is GAEA GDAS's, which keeps τ at 10 during the warm-up and so never reaches 0.1 (250 epochs
 * with 50 of warm-up end at ≈ 2.09).
 *
 * @param max τ_max.
 * @param min τ_min.
 * @param warmup Epochs at τ_max.
 * @param epochs E, the search epochs.
 */
public record TemperatureSchedule(float max, float min, int warmup, int epochs) {

    /**
     * Validates the schedule.
     */
    public TemperatureSchedule {
        if (!(min > 0) || !(max >= min) || Float.isInfinite(max)) {
            throw new IllegalArgumentException("temperatures must satisfy 0 < tauMin <= tauMax, got tauMin=" + min
                    + ", tauMax=" + max);
        }
        if (warmup < 0 || epochs <= 0) {
            throw new IllegalArgumentException("warm-up must be non-negative and epochs positive, got " + warmup
                    + " and " + epochs);
        }
    }

    /**
     * GDAS's schedule, 10 → 0.1 over the epochs.
     * @param epochs The search epochs.
     * @return The schedule.
     */
    public static TemperatureSchedule gdas(int epochs) {
        return new TemperatureSchedule(10f, 0.1f, 0, epochs);
    }

    /**
     * The temperature of an epoch.
     * @param epoch The 0-based epoch.
     * @return τ.
     */
    public float at(int epoch) {
        if (epochs == 1) {
            return max;
        }
        double tau = max - (double) (max - min) * Math.max(epoch - warmup, 0) / (epochs - 1);
        return (float) Math.max(tau, min);
    }
}
