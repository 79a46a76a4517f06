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

package org.tribuo.nas.cli;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.report.SearchReport;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.tabular.SklearnCsv;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.train.FinalTraining;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model of the random baseline (no search epochs) gets a report and a description that say no
 * search ran, instead of charts and a history of nothing.
 */
public class RandomCellReportTest {

    @Test
    public void reportAndDescriptionSayNoSearchRan() {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        GaeaTrainer trainer = GaeaTrainer.builder()
                .space(TabularSearchSpace.builder().searchNetwork(8, 1).finalNetwork(8, 1).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(32).build())
                .randomCell(true).seed(2).device("cpu").build();
        try (GaeaModel model = trainer.train(wine)) {
            String html = SearchReport.html(model, Optional.empty(), "none");
            assertTrue(html.contains("none: a random cell drawn"), "the report names the baseline");
            assertFalse(html.contains("id=\"alpha\""), "no α-per-epoch section for a search that did not run");
            String text = new ModelDescription(model).text();
            assertTrue(text.contains("Search history:\n  none: a random cell drawn"), text);
        }
    }
}
