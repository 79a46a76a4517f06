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
     * The Gumbel-softmax temperature at the start of the search.
     * @return τ_max (unused by the continuous relaxation).
     */
    public float tauMax();

    /**
     * The Gumbel-softmax temperature at the end of the search.
     * @return τ_min (unused by the continuous relaxation).
     */
    public float tauMin();

    @Override
    public default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "relaxation");
    }
}
