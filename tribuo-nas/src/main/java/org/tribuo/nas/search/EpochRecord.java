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

import com.fasterxml.jackson.annotation.JsonInclude;

import org.tribuo.nas.loop.EpochFigures;

import java.util.Locale;

/**
 * What one search epoch produced.
 *
 * @param epoch One-based epoch number.
 * @param weightLearningRate The weight learning rate used.
 * @param trainLoss Mean cross-entropy of the weight steps.
 * @param trainAccuracy Accuracy of the weight steps' predictions.
 * @param heldOutAccuracy Supernet accuracy on the architecture half (bilevel only, else null).
 * @param meanEntropy Mean over edges of the entropy (nats) of α's rows after the epoch.
 * @param genotype The argmax genotype after the epoch.
 * @param alpha The architecture weights after the epoch, [edges][ops].
 * @param beta The edge weights after the epoch, [edges], aligned with α's rows; null without edge weights.
 * @param seconds Wall time of the epoch.
 * @param expectedCost The expected cost of a cell drawn from α after the epoch (cost-aware search only, else null).
 * @param costMultiplier λ of the cost penalty after the epoch (cost-aware search only, else null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochRecord(int epoch, double weightLearningRate, double trainLoss, double trainAccuracy,
                          Double heldOutAccuracy, double meanEntropy, String genotype, float[][] alpha, float[] beta,
                          double seconds, Double expectedCost, Double costMultiplier) implements EpochFigures {

    @Override
    public String summary() {
        String cost = expectedCost == null ? ""
                : String.format(Locale.ROOT, ", expected cost %.4g (λ %.3g)", expectedCost, costMultiplier);
        return String.format(Locale.ROOT, "loss %.4f, accuracy %.4f, entropy %.4f%s, %s (%.1f s)", trainLoss, trainAccuracy,
                meanEntropy, cost, genotype, seconds);
    }
}
