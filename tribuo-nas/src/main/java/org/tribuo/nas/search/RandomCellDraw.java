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

import org.tribuo.nas.cost.CostPenalty;
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.SearchSpace;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random baseline of a search: a cell drawn instead of searched, from the space's random
 * genotypes ({@link SearchSpace#randomGenotype}) with the run's search seed; with a cost budget,
 * drawn among the cells whose predicted cost is in the budget's band
 * ({@link CostPenalty#randomCell}). The result has uniform α (and β), the prior the cell was drawn
 * from, and a history without epochs.
 */
public final class RandomCellDraw {

    /** The geometry a random draw's history names. */
    public static final String GEOMETRY = "RANDOM_CELL";

    private RandomCellDraw() {}

    /**
     * Draws the cell.
     * @param space The space.
     * @param penalty The cost budget, or null for any cell.
     * @param seed The search seed.
     * @return The cell with uniform α and an empty history.
     * @throws IllegalArgumentException if no drawn cell meets the budget.
     */
    public static SearchResult draw(SearchSpace space, CostPenalty penalty, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Genotype cell = penalty == null ? space.randomGenotype(rng) : penalty.randomCell(() -> space.randomGenotype(rng));
        float[][] alpha = new float[space.alphaRows()][space.ops().size()];
        for (float[] row : alpha) {
            Arrays.fill(row, 1f / row.length);
        }
        float[] beta = null;
        if (space.supernetSettings().edgeWeights()) {
            beta = new float[space.alphaRows()];
            int at = 0;
            for (int group : space.edgeGroups()) {
                Arrays.fill(beta, at, at + group, 1f / group);
                at += group;
            }
        }
        SearchHistory history = new SearchHistory(space.toString(), GEOMETRY, "NONE", seed, "none", List.of(), cell.toString());
        return new SearchResult(cell, alpha, beta, history);
    }
}
