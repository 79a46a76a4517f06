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

import org.tribuo.nas.arch.ArchitectureGeometry;

import java.util.Objects;

/**
 * A search method in the paper's terms: the geometry of the architecture update, the relaxation,
 * and whether nodes weigh their incoming edges (PC-DARTS). The components of a search resolve
 * their "reference" settings (0 or -1) against it, since the reference values of the GAEA code
 * differ per method.
 *
 * @param geometry Exponentiated gradient (GAEA) or softmax-Adam (the baselines).
 * @param relaxation Continuous mixing or Gumbel sampling.
 * @param edgeWeights Whether each node weighs its incoming edges by β.
 */
public record SearchMethod(ArchitectureGeometry geometry, Relaxation relaxation, boolean edgeWeights) {

    /**
     * Checks the parts are set.
     */
    public SearchMethod {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(relaxation, "relaxation");
    }

    /**
     * The method's name, e.g. {@code GAEA PC-DARTS} or {@code GDAS}.
     * @return The name.
     */
    public String name() {
        String base = relaxation == Relaxation.GUMBEL ? "GDAS" : edgeWeights ? "PC-DARTS" : "DARTS";
        return (isGaea() ? "GAEA " : "") + base;
    }

    /**
     * Whether the architecture update is GAEA's exponentiated gradient.
     * @return true for EG.
     */
    public boolean isGaea() {
        return geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT;
    }

    /**
     * The method's reference settings.
     * @return Its row of {@link ReferenceSettings}.
     */
    public ReferenceSettings reference() {
        return ReferenceSettings.of(this);
    }

    @Override
    public String toString() {
        return name();
    }
}
