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

import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.nas.arch.GumbelSample;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.arch.TemperatureSchedule;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.nas.util.SettingChecks;

import java.util.SplittableRandom;

/**
 * Gumbel-softmax hard sampling (GDAS, GAEA GDAS): each step samples one op per edge from
 * log α + Gumbel noise, only that op runs, and the architecture gradient flows through the
 * straight-through estimator. The temperature τ falls linearly from {@code tauMax} to
 * {@code tauMin} over the search (reference 10 to 0.1).
 */
public final class GumbelRelaxation implements SearchRelaxation {

    @Config(description = "Gumbel-softmax temperature at the start of the search.")
    private float tauMax = ReferenceSettings.TAU_MAX;
    @Config(description = "Gumbel-softmax temperature at the end of the search, at most tauMax.")
    private float tauMin = ReferenceSettings.TAU_MIN;

    /** The reference schedule, 10 to 0.1. */
    public GumbelRelaxation() {}

    /**
     * A relaxation with the given temperature schedule.
     * @param tauMax Initial temperature.
     * @param tauMin Final temperature, at most tauMax.
     */
    public GumbelRelaxation(float tauMax, float tauMin) {
        this.tauMax = tauMax;
        this.tauMin = tauMin;
        validate();
    }

    @Override
    public void postConfig() {
        SettingChecks.validateConfigured(this, this::validate);
    }

    private void validate() {
        SettingChecks.positive("tauMax", tauMax);
        SettingChecks.positive("tauMin", tauMin);
        if (tauMin > tauMax) {
            throw new InvalidSettingException("tauMin", "must not exceed tauMax (" + tauMax + "), got " + tauMin);
        }
    }

    @Override
    public Relaxation kind() {
        return Relaxation.GUMBEL;
    }

    @Override
    public Schedule schedule(long seed, int warmupEpochs, int epochs) {
        TemperatureSchedule temperature = new TemperatureSchedule(tauMax, tauMin, warmupEpochs, epochs);
        return new Schedule() {
            @Override
            public EdgeMixing forStep(float[][] alpha, long stream, int epoch) {
                GumbelSample sample = GumbelSampler.sample(alpha, new SplittableRandom(seed + 0x9E3779B97F4A7C15L * stream));
                return EdgeMixing.sampled(sample, temperature.at(epoch));
            }

            @Override
            public EdgeMixing forEvaluation(float[][] alpha) {
                return EdgeMixing.argmax(alpha);
            }
        };
    }

    /**
     * The temperature at the start of the search.
     * @return τ_max.
     */
    public float tauMax() {
        return tauMax;
    }

    /**
     * The temperature the schedule ends at.
     * @return τ_min.
     */
    public float tauMin() {
        return tauMin;
    }

    @Override
    public String toString() {
        return "GumbelRelaxation(tauMax=" + tauMax + ", tauMin=" + tauMin + ")";
    }
}
