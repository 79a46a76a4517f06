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

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * How a mixed edge of the supernet uses its candidate ops during the search: a configurable
 * component of the trainer. {@link ContinuousRelaxation} mixes every op by α (DARTS);
 * {@link GumbelRelaxation} samples one op per edge per step (GDAS) with a falling temperature.
 */
public interface SearchRelaxation extends Configurable, Provenancable<ConfiguredObjectProvenance> {

    /**
     * The kind of relaxation.
     * @return Continuous or Gumbel.
     */
    public Relaxation kind();

    /**
     * The relaxation over one search: the mixing of every step and of the supernet's evaluation.
     * @param seed Seed of any sampling; a step's sample depends only on it, α and the step's stream.
     * @param warmupEpochs Epochs with the architecture frozen.
     * @param epochs Search epochs.
     * @return The schedule.
     */
    public Schedule schedule(long seed, int warmupEpochs, int epochs);

    /** The mixing of each step of one search. */
    public interface Schedule {

        /**
         * The mixing of one forward pass of a search step.
         * @param alpha α as the step starts.
         * @param stream The pass's random stream (2·step for the architecture pass, 2·step + 1
         *               for the weights'), so that a resumed search draws what an uninterrupted one does.
         * @param epoch The 0-based epoch.
         * @return The mixing.
         */
        public EdgeMixing forStep(float[][] alpha, long stream, int epoch);

        /**
         * The mixing the supernet is evaluated with on held-out data.
         * @param alpha α.
         * @return The mixing.
         */
        public EdgeMixing forEvaluation(float[][] alpha);
    }

    @Override
    public default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "relaxation");
    }
}
