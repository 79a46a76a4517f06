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
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.nas.testutil.FashionFixture;
import com.oracle.labs.mlrg.olcut.util.Pair;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GaeaTrainer inside Tribuo's own machinery, unchanged: cross-validation and bagging.
 */
public class TribuoIntegrationTest {

    @Test
    public void crossValidationWithTwoFolds() {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 128);
        GaeaTrainer trainer = TinyTrainers.tiny(3).build();
        CrossValidation<Label, LabelEvaluation> cv = new CrossValidation<>(trainer, data, new LabelEvaluator(), 2, 1L);
        List<Pair<LabelEvaluation, Model<Label>>> folds = cv.evaluate();
        assertEquals(2, folds.size());
        for (Pair<LabelEvaluation, Model<Label>> fold : folds) {
            assertEquals(64, fold.getA().getPredictions().size());
            assertTrue(fold.getB() instanceof GaeaModel);
            ((GaeaModel) fold.getB()).close();
        }
        assertEquals(2, trainer.getInvocationCount());
    }

    @Test
    public void baggingWrapsTheTrainerThroughTheThreeArgumentTrain() {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 16);
        GaeaTrainer inner = TinyTrainers.tiny(4).build();
        BaggingTrainer<Label> bagging = new BaggingTrainer<>(inner, new VotingCombiner(), 2, 9L);
        EnsembleModel<Label> ensemble = bagging.train(data);
        try {
            assertEquals(2, ensemble.getNumModels());
            List<Prediction<Label>> predictions = ensemble.predict(test);
            assertEquals(test.size(), predictions.size());
            // each member trained on its own bootstrap with its own invocation of the inner trainer
            GaeaModel first = (GaeaModel) ensemble.getModels().get(0);
            GaeaModel second = (GaeaModel) ensemble.getModels().get(1);
            assertNotEquals(first.getProvenance().getTrainerProvenance(), second.getProvenance().getTrainerProvenance());
        } finally {
            for (Model<Label> m : ensemble.getModels()) {
                ((GaeaModel) m).close();
            }
        }
    }
}
