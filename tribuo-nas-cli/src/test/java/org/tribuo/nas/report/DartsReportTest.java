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

package org.tribuo.nas.report;

import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.train.FinalTraining;
import org.tribuo.nas.testutil.FashionFixture;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a DARTS-space model (GAEA PC-DARTS, with edge weights) draws both cells and
 * names every α row.
 */
public class DartsReportTest {

    @Test
    public void dartsReportDrawsBothCellsAndShowsEdgeWeights() throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        GaeaTrainer trainer = GaeaTrainer.builder()
                .input(new ImageInput(FashionFixture.SHAPE))
                .space(DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(16).examples(48).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(16).examples(48).build())
                .seed(3).device("cpu").build();
        try (GaeaModel model = trainer.train(train)) {
            String genotype = model.genotype().toString();
            String html = SearchReport.html(model, Optional.empty(), "none");
            assertTrue(html.contains("aria-label=\"normal cell " + genotype)
                    && html.contains("aria-label=\"reduce cell " + genotype), "both cells are drawn");
            assertTrue(html.contains("<th>reduce 5&lt;-4</th>") && html.contains("edge weight β"),
                    "α rows named, β shown");
        }
    }
}
