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

import org.tribuo.nas.arch.ArchitectureGeometry;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.space.SearchSpace;

/**
 * How the search updates the architecture weights α (and the edge weights β): a configurable
 * component of the trainer, like Tribuo's {@code StochasticGradientOptimiser} of its SGD
 * trainers. {@link ExponentiatedGradientUpdate} is GAEA's mirror-descent step;
 * {@link SoftmaxAdamUpdate} is the DARTS baselines' Adam on softmax logits.
 * <p>
 * Settings whose reference value depends on the method take 0 (or -1) and are resolved by
 * {@link #resolve(SearchMethod)} before the search starts; the resolved values are recorded in the
 * model's provenance.
 */
public interface ArchitectureUpdate extends Configurable, Provenancable<ConfiguredObjectProvenance> {

    /**
     * The update of a geometry with every setting at its method's reference.
     * @param geometry EG or softmax-Adam.
     * @return {@link ExponentiatedGradientUpdate} or {@link SoftmaxAdamUpdate}, unresolved.
     */
    public static ArchitectureUpdate reference(ArchitectureGeometry geometry) {
        return geometry == ArchitectureGeometry.EXPONENTIATED_GRADIENT ? new ExponentiatedGradientUpdate() : new SoftmaxAdamUpdate();
    }

    /**
     * The geometry of the update.
     * @return EG or softmax-Adam.
     */
    public ArchitectureGeometry geometry();

    /**
     * A copy with every reference setting replaced by the method's reference value.
     * @param method The search method.
     * @return The resolved update.
     */
    public ArchitectureUpdate resolve(SearchMethod method);

    /**
     * The learning rate of α, after {@link #resolve}.
     * @return The rate.
     */
    public float learningRate();

    /**
     * The learning rate of β, after {@link #resolve}.
     * @return The rate.
     */
    public float edgeLearningRate();

    /**
     * Fresh optimizers of α and, with edge weights, of each node's β simplex. Call on a resolved
     * update.
     * @param space The search space (α's shape and β's groups).
     * @param edgeWeights Whether the supernet learns edge weights.
     * @param seed Seed of any random initialization.
     * @return The weights with their optimizers.
     */
    public ArchitectureWeights newWeights(SearchSpace space, boolean edgeWeights, long seed);

    /**
     * The resolved settings, for the model's provenance.
     * @return {@code name=value} pairs, comma separated.
     */
    public String describe();

    @Override
    public default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "architecture-update");
    }
}
