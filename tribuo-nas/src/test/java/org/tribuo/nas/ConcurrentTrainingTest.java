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
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.nas.testutil.FashionFixture;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two trainers training at once in one JVM give the models that the same two runs give one
 * after the other: same genotypes, same scores to the last bit.
 */
public class ConcurrentTrainingTest {

    private static float[] scores(GaeaModel model, MutableDataset<Label> test) {
        List<Prediction<Label>> predictions = model.predict(test);
        float[] out = new float[test.size() * model.getOutputIDInfo().size()];
        int i = 0;
        for (Prediction<Label> p : predictions) {
            for (Label l : model.getOutputIDInfo().getDomain()) {
                out[i++] = (float) p.getOutputScores().get(l.getLabel()).getScore();
            }
        }
        return out;
    }

    @Test
    public void twoTrainersInTwoThreadsMatchTheSameRunsInSequence() throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 32);
        long[] seeds = {21, 22};
        String[] genotypes = new String[2];
        float[][] expected = new float[2][];
        for (int i = 0; i < 2; i++) {
            try (GaeaModel model = TinyTrainers.tiny(seeds[i]).build().train(train)) {
                genotypes[i] = model.genotype().toString();
                expected[i] = scores(model, test);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object[]>> runs = List.of(seeds[0], seeds[1]).stream().map(seed -> pool.submit(() -> {
                try (GaeaModel model = TinyTrainers.tiny(seed).build().train(train)) {
                    return new Object[]{model.genotype().toString(), scores(model, test)};
                }
            })).toList();
            for (int i = 0; i < 2; i++) {
                Object[] result = runs.get(i).get();
                assertEquals(genotypes[i], result[0], "genotype of seed " + seeds[i]);
                float[] actual = (float[]) result[1];
                for (int j = 0; j < actual.length; j++) {
                    assertEquals(expected[i][j], actual[j], 0f, "score " + j + " of seed " + seeds[i]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
