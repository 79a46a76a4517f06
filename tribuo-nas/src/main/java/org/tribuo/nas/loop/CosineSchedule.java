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

package org.tribuo.nas.loop;

/**
 * Cosine annealing stepped once per epoch:
 * {@code lr(e) = min + (base − min) · ½ (1 + cos(π e / T))}.
 *
 * @param base The learning rate at epoch 0.
 * @param min The rate reached after T epochs; usually below base. Above base the rate rises
 * instead (a cosine warm-up), as PyTorch's {@code CosineAnnealingLR} allows.
 * @param periodEpochs T, the number of epochs over which the rate moves from base to min.
 */
public record CosineSchedule(float base, float min, int periodEpochs) {

    /**
     * Validates the schedule.
     * @param base The learning rate at epoch 0.
     * @param min The floor.
     * @param periodEpochs The period.
     */
    public CosineSchedule {
        if (!(base > 0) || Float.isInfinite(base)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + base);
        }
        if (!(min >= 0) || Float.isInfinite(min)) {
            throw new IllegalArgumentException("minimum learning rate must be non-negative and finite, got " + min);
        }
        if (periodEpochs <= 0) {
            throw new IllegalArgumentException("cosine period must be at least one epoch, got " + periodEpochs);
        }
    }

    /**
     * The learning rate for an epoch.
     * @param epoch Zero-based epoch.
     * @return The rate.
     */
    public float at(int epoch) {
        double progress = Math.min(epoch, periodEpochs) / (double) periodEpochs;
        return (float) (min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
