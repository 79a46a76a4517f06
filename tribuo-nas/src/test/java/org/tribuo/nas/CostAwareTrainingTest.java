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

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.cost.CostMetric;
import org.tribuo.nas.cost.CostModel;
import org.tribuo.nas.cost.OpCosts;
import org.tribuo.nas.darts.DartsGenotype;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.testutil.FashionFixture;
import ai.djl.ndarray.types.Shape;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.tabular.SklearnCsv;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.util.InvalidSettingException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cost-aware search end to end on the wine data, with a parameter budget (exact, so the
 * assertions are exact): the found network is within the budget, its measured parameter count is
 * the predicted one, α's expected cost is recorded every epoch, the same seed gives the same
 * cell, a resumed search gives the same model, and a budget no cell meets is refused; and the same
 * on the DARTS space, whose cells keep two edges per node.
 */
public class CostAwareTrainingTest {

    /**
     * W=16: dense 288 parameters per edge, dense_bottleneck 168, skip 0; fixed parts 323. Uniform
     * α expects about 1,235 parameters, so with a target of 1,100 λ rises. (dense_dropout is left
     * out: the engine's dropout generator is not part of a checkpoint, so a resumed search with it
     * draws other masks; docs/cost-aware.md.)
     */
    private static GaeaTrainer.Builder trainer(double target) {
        return GaeaTrainer.builder()
                .space(TabularSearchSpace.builder().ops(List.of("skip_connect", "dense", "dense_bottleneck"))
                        .searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(2).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(2).batchSize(32).build())
                .costModel(CostModel.builder().metric(CostMetric.PARAMETERS).target(target).build())
                .seed(3).device("cpu");
    }

    @Test
    public void theFoundNetworkMeetsTheParameterBudget(@org.junit.jupiter.api.io.TempDir Path dir) {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        double target = 1100;
        try (GaeaModel model = trainer(target).build().train(wine)) {
            Map<String, ? extends Provenance> facts = model.getProvenance().getInstanceProvenance().getMap();
            double predicted = ((DoubleProvenance) facts.get(GaeaModel.COST_PREDICTED)).getValue();
            double measured = ((DoubleProvenance) facts.get(GaeaModel.COST_MEASURED)).getValue();
            assertTrue(measured <= target, "the network has " + measured + " parameters, the budget is " + target);
            assertEquals(predicted, measured, 1e-9, "parameter counts add up exactly");
            assertTrue(facts.get(GaeaModel.COST_MODEL).toString().contains("target"), facts.get(GaeaModel.COST_MODEL).toString());
            for (EpochRecord e : model.searchHistory().epochs()) {
                assertTrue(e.expectedCost() != null && e.expectedCost() > 0 && e.costMultiplier() != null, e.toString());
            }
            assertTrue(model.searchHistory().epochs().get(0).costMultiplier() > 0,
                    "uniform α costs more than the target, so λ rises from 0");
            try (GaeaModel again = trainer(target).build().train(wine)) {
                assertEquals(model.genotype(), again.genotype(), "one seed, one cell");
            }
            GaeaTrainer first = trainer(target).build();
            first.setCheckpointDirectory(dir);
            first.setProgress(new TrainingProgress() {
                @Override
                public void onEpoch(RunPhase finished, EpochFigures figures) {
                    if (finished == RunPhase.SEARCH && figures.epoch() == 1) {
                        throw new IllegalStateException("simulated crash");
                    }
                }
            });
            assertThrows(IllegalStateException.class, () -> first.train(wine));
            GaeaTrainer second = trainer(target).build();
            second.setCheckpointDirectory(dir);
            try (GaeaModel resumed = second.train(wine)) {
                assertEquals(withoutTimes(model.searchHistoryJson()), withoutTimes(resumed.searchHistoryJson()),
                        "a resumed search continues with the saved λ");
            }
        }
    }

    private static String withoutTimes(String historyJson) {
        return historyJson.replaceAll("\"seconds\" : [0-9.E-]+", "");
    }

    @Test
    public void aBudgetNoCellMeetsIsRefusedWithTheCheapestCost() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> trainer(10).build().train(wine));
        assertTrue(e.getMessage().contains("cheapest achievable cost"), e.getMessage());
        assertTrue(e.getMessage().contains("parameters"), e.getMessage());
    }

    /**
     * The DARTS space, where a cell keeps two of each node's edges: a tiny GAEA PC-DARTS search with
     * a parameter target between the cheapest and the dearest cell finds a cell within it (and,
     * the band's rule, not far below it), whose served network has exactly the predicted count.
     */
    @Test
    public void theDartsSpaceIsSearchedWithinAParameterBudget() {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 64);
        DartsSearchSpace space = DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3).build();
        CostModel counting = CostModel.builder().metric(CostMetric.PARAMETERS).lambda(1).build();
        OpCosts table = counting.measure(space, new Shape(1, 28, 28), 10);
        double cheapest = table.predict(table.cheapestChoices());
        double dearest = table.predict(table.dearestChoices());
        double target = Math.rint(cheapest + 0.4 * (dearest - cheapest));
        GaeaTrainer trainer = GaeaTrainer.builder()
                .input(new ImageInput(FashionFixture.SHAPE))
                .space(space)
                .search(SearchSchedule.builder().epochs(1).batchSize(16).examples(48).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(16).examples(32).build())
                .costModel(CostModel.builder().metric(CostMetric.PARAMETERS).target(target).build())
                .seed(5).device("cpu").build();
        try (GaeaModel model = trainer.train(train)) {
            Map<String, ? extends Provenance> facts = model.getProvenance().getInstanceProvenance().getMap();
            double predicted = ((DoubleProvenance) facts.get(GaeaModel.COST_PREDICTED)).getValue();
            double measured = ((DoubleProvenance) facts.get(GaeaModel.COST_MEASURED)).getValue();
            assertTrue(model.genotype() instanceof DartsGenotype, model.genotype().toString());
            assertEquals(predicted, measured, 1e-9, "parameter counts add up exactly, the auxiliary head left out");
            assertTrue(measured <= target && measured >= 0.85 * target, measured + " parameters against the target " + target
                    + " (cheapest cell " + cheapest + ", dearest " + dearest + ")");
            EpochRecord first = model.searchHistory().epochs().get(0);
            assertTrue(first.expectedCost() > cheapest && first.expectedCost() < dearest, first.toString());
        }
    }
}
