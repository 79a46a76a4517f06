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

import ai.djl.ndarray.NDArray;
import org.tribuo.nas.arch.GumbelSample;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.space.OpSelection;

/**
 * How every edge of the supernet mixes its ops in one forward pass: the mixing weights the
 * supernet is given and the ops it runs. A relaxation makes one per step ({@link
 * SearchRelaxation.Schedule}); the search step uses it without knowing which relaxation made it.
 */
public interface EdgeMixing {

    /**
     * The mixing weights from α when α takes a gradient (the architecture step, the single pass).
     * @param alpha α [rows, ops], a differentiable leaf.
     * @return The weights the supernet is given.
     */
    public NDArray weights(NDArray alpha);

    /**
     * The mixing weights from α when it takes no gradient (the weight step, evaluation).
     * @param alpha α [rows][ops].
     * @return The weights the supernet is given.
     */
    public float[][] constantWeights(float[][] alpha);

    /**
     * The ops every edge runs, which the forward call carries to the mixed edges.
     * @return The selection.
     */
    public OpSelection selection();

    /**
     * The continuous relaxation: every op runs, weighted by α itself.
     * @return The mixing.
     */
    public static EdgeMixing continuous() {
        return Continuous.INSTANCE;
    }

    /**
     * One Gumbel sample per edge with straight-through weights: the sampled op runs at weight
     * one, the gradient flows through the softmax at temperature τ.
     * @param sample The sample.
     * @param tau The temperature.
     * @return The mixing.
     */
    public static EdgeMixing sampled(GumbelSample sample, float tau) {
        return new Sampled(sample, tau);
    }

    /**
     * The most probable op of every edge at weight one (how GDAS evaluates the supernet).
     * @param alpha α [rows][ops].
     * @return The mixing.
     */
    public static EdgeMixing argmax(float[][] alpha) {
        int[] index = new int[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            index[i] = Simplex.argmax(alpha[i]);
        }
        return new Chosen(index);
    }

    /** Every op at its α. */
    final class Continuous implements EdgeMixing {
        private static final Continuous INSTANCE = new Continuous();

        private Continuous() {}

        @Override
        public NDArray weights(NDArray alpha) {
            return alpha;
        }

        @Override
        public float[][] constantWeights(float[][] alpha) {
            return alpha;
        }

        @Override
        public OpSelection selection() {
            return OpSelection.ALL;
        }
    }

    /** One op per edge at weight one, straight-through. */
    record Sampled(GumbelSample sample, float tau) implements EdgeMixing {
        @Override
        public NDArray weights(NDArray alpha) {
            return GumbelSampler.hardWeights(alpha, sample, tau);
        }

        @Override
        public float[][] constantWeights(float[][] alpha) {
            return GumbelSampler.oneHot(sample.index(), alpha[0].length);
        }

        @Override
        public OpSelection selection() {
            return OpSelection.sampled(sample.index());
        }
    }

    /** One chosen op per edge at weight one, which α's gradient does not reach. */
    record Chosen(int[] index) implements EdgeMixing {
        @Override
        public NDArray weights(NDArray alpha) {
            float[][] hot = GumbelSampler.oneHot(index, (int) alpha.getShape().get(1));
            return alpha.getManager().create(Simplex.flatten(hot), alpha.getShape());
        }

        @Override
        public float[][] constantWeights(float[][] alpha) {
            return GumbelSampler.oneHot(index, alpha[0].length);
        }

        @Override
        public OpSelection selection() {
            return OpSelection.sampled(index);
        }
    }
}
