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

import org.tribuo.nas.space.Genotype;

/**
 * What a search found.
 *
 * @param genotype The selected genotype.
 * @param alpha The final op weights, [edges][ops].
 * @param beta The final edge weights, [edges]; null without edge weights.
 * @param history Every epoch's figures; none for a cell drawn instead of searched
 *                ({@link RandomCellDraw}), whose α is uniform.
 */
public record SearchResult(Genotype genotype, float[][] alpha, float[] beta, SearchHistory history) {

    /**
     * The mean edge entropy (nats) of the final op weights of the normal cell.
     * @return The entropy after the last epoch; ln K (uniform α) without a search.
     */
    public double meanEntropy() {
        if (history.epochs().isEmpty()) {
            return Math.log(alpha[0].length);
        }
        return history.epochs().get(history.epochs().size() - 1).meanEntropy();
    }
}
