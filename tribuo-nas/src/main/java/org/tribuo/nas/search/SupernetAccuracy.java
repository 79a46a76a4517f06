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

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import org.tribuo.nas.arch.Simplex;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.runtime.BatchedInference;

/**
 * The supernet's accuracy on the architecture half with the current architecture, by which the
 * bilevel scheme selects its genotype; with the Gumbel relaxation, with the argmax op of every
 * edge (as the reference validates GDAS).
 */
final class SupernetAccuracy {

    private static final int EVAL_BATCH = 256;

    private SupernetAccuracy() {}

    /**
     * Evaluates the supernet.
     * @param supernet The supernet.
     * @param base The search's manager.
     * @param archData The architecture half.
     * @param norm The input normalization.
     * @param mixing The search's relaxation schedule.
     * @param alpha The current α.
     * @param beta The current β, or null without edge weights.
     * @return The accuracy.
     */
    static double of(Block supernet, NDManager base, ImageData archData, Normalization norm,
                     SearchRelaxation.Schedule mixing, float[][] alpha, float[] beta) {
        EdgeMixing evaluation = mixing.forEvaluation(alpha);
        float[][] weights = evaluation.constantWeights(alpha);
        float[][] probs = BatchedInference.probabilities(supernet, base, archData, norm, EVAL_BATCH, m -> {
            NDList extra = new NDList(m.create(Simplex.flatten(weights), new Shape(weights.length, weights[0].length)));
            if (beta != null) {
                extra.add(m.create(beta, new Shape(beta.length)));
            }
            return extra;
        }, evaluation.selection().params());
        return BatchedInference.accuracy(BatchedInference.argmax(probs), archData.labels());
    }
}
