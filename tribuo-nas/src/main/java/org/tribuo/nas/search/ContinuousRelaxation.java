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
package org.tribuo.nas.search;

/**
 * The continuous relaxation of DARTS, GAEA DARTS and PC-DARTS: every op of a mixed edge runs and
 * the edge outputs the α-weighted sum. No settings.
 */
public final class ContinuousRelaxation implements SearchRelaxation {

    /** The relaxation. */
    public ContinuousRelaxation() {}

    @Override
    public Relaxation kind() {
        return Relaxation.CONTINUOUS;
    }

    @Override
    public Schedule schedule(long seed, int warmupEpochs, int epochs) {
        return new Schedule() {
            @Override
            public EdgeMixing forStep(float[][] alpha, long stream, int epoch) {
                return EdgeMixing.continuous();
            }

            @Override
            public EdgeMixing forEvaluation(float[][] alpha) {
                return EdgeMixing.continuous();
            }
        };
    }

    @Override
    public String toString() {
        return "ContinuousRelaxation";
    }
}
