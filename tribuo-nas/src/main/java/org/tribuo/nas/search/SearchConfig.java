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
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.loop.CosineSchedule;
import org.tribuo.nas.loop.SgdSettings;
import org.tribuo.nas.util.InvalidSettingException;

import java.util.Objects;

/**
 * A GAEA search: the trainer's parts and nothing else. The supernet's sizes come from the space,
 * the weights' schedule from the {@link SearchSchedule}, and every setting left at its reference
 * value is resolved once, here, from the method's row of {@link ReferenceSettings}; so a search
 * built in Java and one built by {@code GaeaTrainer} from a config file with the same parts run
 * the same method.
 *
 * @param space The search space with its candidate ops and supernet sizes.
 * @param schedule Scheme, epochs, batches and the weights' SGD.
 * @param architecture The architecture update, resolved against the method (no reference
 *                     settings left).
 * @param relaxation Continuous mixing or Gumbel sampling.
 * @param seed Seed for initialization, shuffling, splitting and Gumbel noise.
 * @param device Device setting: auto, cpu, gpu or gpu:N.
 */
public record SearchConfig(SearchSpace space, SearchSchedule schedule, ArchitectureUpdate architecture,
                           SearchRelaxation relaxation, long seed, String device) {

    /**
     * Resolves the architecture update against the method and checks the parts fit each other.
     * @throws InvalidSettingException naming archWarmupEpochs if the warm-up leaves no architecture step.
     */
    public SearchConfig {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(relaxation, "relaxation");
        Objects.requireNonNull(device, "device");
        SearchMethod method = methodOf(space, architecture, relaxation);
        schedule.checkFits(method);
        architecture = architecture.resolve(method);
    }

    /**
     * A search with the reference schedule, continuous relaxation and GAEA's exponentiated
     * gradient: the README's method.
     * @param space The search space.
     * @param schedule The schedule.
     * @param seed The seed.
     * @param device The device setting.
     * @return The configuration.
     */
    public static SearchConfig gaea(SearchSpace space, SearchSchedule schedule, long seed, String device) {
        return new SearchConfig(space, schedule, new ExponentiatedGradientUpdate(), new ContinuousRelaxation(), seed, device);
    }

    /**
     * The refusal of the single pass with the bilevel scheme.
     * @return The error, naming singlePass and scheme.
     */
    static InvalidSettingException singlePassWithBilevel() {
        return new InvalidSettingException("singlePass", "cannot be used with scheme BILEVEL: the single pass takes the "
                + "architecture's gradient on the weights' batch, while bilevel trains the architecture on the held-out "
                + "half; use scheme SINGLE_LEVEL or singlePass=false");
    }

    private static SearchMethod methodOf(SearchSpace space, ArchitectureUpdate architecture, SearchRelaxation relaxation) {
        return new SearchMethod(architecture.geometry(), relaxation.kind(), space.supernetSettings().edgeWeights());
    }

    /**
     * The method in the paper's terms.
     * @return e.g. GAEA PC-DARTS.
     */
    public SearchMethod method() {
        return methodOf(space, architecture, relaxation);
    }

    /**
     * The supernet's sizes and options, from the space.
     * @return The settings.
     */
    public SupernetSettings supernet() {
        return space.supernetSettings();
    }

    /** @return Channels C of the supernet. */
    public int channels() {
        return supernet().channels();
    }

    /** @return Depth of the supernet: cells per stage (NAS-Bench-201) or cells (DARTS, tabular). */
    public int depth() {
        return supernet().depth();
    }

    /** @return Single-level or bilevel. */
    public SearchScheme scheme() {
        return schedule.scheme();
    }

    /** @return Whether one forward/backward pass gives both steps' gradients. */
    public boolean singlePass() {
        return schedule.singlePass();
    }

    /** @return Search epochs. */
    public int epochs() {
        return schedule.epochs();
    }

    /** @return Minibatch size of both steps. */
    public int batchSize() {
        return schedule.batchSize();
    }

    /** @return Epochs before the first architecture step, the method's reference when the schedule leaves it unset. */
    public int archWarmupEpochs() {
        return schedule.archWarmupEpochs(method());
    }

    /** @return The weight learning-rate schedule. */
    public CosineSchedule learningRates() {
        return schedule.learningRates();
    }

    /** The temperatures for the fingerprint: the Gumbel relaxation's, the (unused) reference otherwise. */
    private String temperatures() {
        GumbelRelaxation gumbel = relaxation instanceof GumbelRelaxation g ? g : new GumbelRelaxation();
        return "tauMax=" + gumbel.tauMax() + ", tauMin=" + gumbel.tauMin();
    }

    /** @return The geometry of the architecture update. */
    public ArchitectureGeometry geometry() {
        return architecture.geometry();
    }

    /**
     * Fresh architecture parameters of the configured geometry: α over the space's edges and,
     * with edge weights, β per node.
     * @return The weights.
     */
    public ArchitectureWeights newArchitectureWeights() {
        return architecture.newWeights(space, supernet().edgeWeights(), seed);
    }

    /**
     * Every resolved setting, in the form checkpoint fingerprints (e.g. LongBudget's) hold: the
     * form of the flat record this class once was, singlePass shown only when it is on, so that a
     * search's fingerprint stays what it was.
     * @return {@code SearchConfig[space=..., device=...]}.
     */
    @Override
    public String toString() {
        SgdSettings sgd = schedule.sgd();
        return "SearchConfig[space=" + space + ", supernet=" + supernet() + ", architecture=" + architecture
                + ", relaxation=" + relaxation.kind() + ", archWarmupEpochs=" + archWarmupEpochs() + ", " + temperatures()
                + ", scheme=" + scheme() + (singlePass() ? ", singlePass=true" : "")
                + ", epochs=" + epochs() + ", batchSize=" + batchSize() + ", weightLearningRate=" + sgd.learningRate()
                + ", weightLearningRateMin=" + sgd.learningRateMin() + ", lrPeriodEpochs=" + schedule.lrPeriodEpochs()
                + ", momentum=" + sgd.momentum() + ", weightDecay=" + sgd.weightDecay() + ", gradClip=" + sgd.gradClip()
                + ", seed=" + seed + ", device=" + device + "]";
    }
}
