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

package org.tribuo.nas;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.cost.CostMetric;
import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.tabular.SklearnCsv;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.train.FinalTraining;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The random baseline ({@code randomCell}): no search, a cell drawn with the run's seed (one seed,
 * one cell; other seeds, other cells), uniform α and no search epochs; with a cost budget the cell
 * is drawn from the budget's band.
 */
public class RandomCellTest {

    /** W=16: dense 288 parameters per edge, dense_bottleneck 168, skip 0; fixed parts 323 (CostAwareTrainingTest). */
    private static GaeaTrainer trainer(long seed, CostModel costModel) {
        return GaeaTrainer.builder()
                .space(TabularSearchSpace.builder().ops(List.of("skip_connect", "dense", "dense_bottleneck"))
                        .searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(2).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(32).build())
                .costModel(costModel).randomCell(true)
                .seed(seed).device("cpu").build();
    }

    @Test
    public void aRandomCellIsDrawnNotSearched() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        Set<String> cells = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            try (GaeaModel model = trainer(seed, null).train(wine)) {
                assertTrue(model.searchHistory().epochs().isEmpty(), "no search epochs");
                for (float[] row : model.alpha()) {
                    for (float a : row) {
                        assertEquals(1f / 3, a, 1e-7f, "α is the uniform prior the cell was drawn from");
                    }
                }
                assertTrue(model.getProvenance().getTrainerProvenance().toString().contains("randomCell"),
                        "the trainer's provenance says the cell was drawn");
                cells.add(model.genotype().toString());
                if (seed == 1) {
                    try (GaeaModel again = trainer(seed, null).train(wine)) {
                        assertEquals(model.genotype(), again.genotype(), "one seed, one cell");
                    }
                }
            }
        }
        assertTrue(cells.size() > 1, "four seeds drew one cell: " + cells);
    }

    @Test
    public void withABudgetTheCellIsDrawnFromItsBand() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        double target = 1100;
        for (long seed = 1; seed <= 3; seed++) {
            try (GaeaModel model = trainer(seed, CostModel.builder().metric(CostMetric.PARAMETERS).target(target).build())
                    .train(wine)) {
                double measured = model.cost().orElseThrow().measured();
                assertTrue(measured <= target && measured >= 0.85 * target, "seed " + seed + ": " + measured
                        + " parameters, the band is [" + 0.85 * target + ", " + target + "]");
            }
        }
    }
}
