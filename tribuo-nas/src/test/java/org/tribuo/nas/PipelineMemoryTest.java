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

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.evaluation.CrossValidation;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.runtime.DjlRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tribuo's pipeline tools never close the models they make; their native weights are freed once
 * the models are unreachable, so live native arrays return to where they were.
 */
public class PipelineMemoryTest {

    private static int liveNativeArrays() {
        try (NDManager probe = DjlRuntime.engine().newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    private static void assertReturnsTo(int baseline) throws InterruptedException {
        int live = liveNativeArrays();
        for (int i = 0; i < 100 && live > baseline; i++) {
            System.gc();
            Thread.sleep(100);
            live = liveNativeArrays();
        }
        assertEquals(baseline, live, "native arrays left alive by unclosed models");
    }

    @Test
    public void crossValidationAndBaggingLeaveNoNativeArraysBehind() throws Exception {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 96);
        int baseline = liveNativeArrays();
        int folds = new CrossValidation<>(TinyTrainers.tiny(8).build(), data, new LabelEvaluator(), 3, 1L).evaluate().size();
        assertEquals(3, folds);
        assertReturnsTo(baseline);
        int members = new BaggingTrainer<>(TinyTrainers.tiny(9).build(), new VotingCombiner(), 3, 2L).train(data)
                .getNumModels();
        assertEquals(3, members);
        assertReturnsTo(baseline);
    }
}
