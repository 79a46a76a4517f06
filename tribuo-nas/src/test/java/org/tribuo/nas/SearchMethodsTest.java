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

import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.search.GumbelRelaxation;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.search.SoftmaxAdamUpdate;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.train.FinalTraining;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.nas.darts.DartsGenotype;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.tabular.SklearnCsv;
import org.tribuo.nas.tabular.TabularGenotype;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.nas.testutil.FashionFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one- or two-epoch search plus final training per space and method on the Fashion-MNIST
 * fixture, through {@link GaeaTrainer}: the model predicts, round-trips through its file, and the
 * architecture weights behave as the method prescribes.
 */
public class SearchMethodsTest {

    private static MutableDataset<Label> train;
    private static MutableDataset<Label> test;
    private static Path dir;

    @BeforeAll
    public static void data() throws Exception {
        train = FashionFixture.datasetHead("train", 96);
        test = FashionFixture.datasetHead("t10k", 40);
        dir = Files.createTempDirectory("search-methods");
    }

    @AfterAll
    public static void cleanUp() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A tiny DARTS-space trainer: C=8, 3 cells (reductions at 1 and 2), K=4. */
    private static GaeaTrainer.Builder tinyDarts(long seed) {
        return GaeaTrainer.builder()
                .input(new ImageInput(FashionFixture.SHAPE))
                .space(dartsSpace().build())
                .search(dartsSchedule().build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(16).examples(48).build())
                .seed(seed).device("cpu");
    }

    private static DartsSearchSpace.Builder dartsSpace() {
        return DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3);
    }

    private static SearchSchedule.Builder dartsSchedule() {
        return SearchSchedule.builder().epochs(1).batchSize(16).examples(48);
    }

    private static void assertSimplexRows(float[][] rows, String what) {
        for (float[] row : rows) {
            double sum = 0;
            for (float v : row) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-4, what + " row sums to one");
        }
    }

    private static GaeaModel roundTrip(GaeaModel model, String name) throws Exception {
        Path file = dir.resolve(name + ".gaea");
        model.serializeToFile(file);
        return (GaeaModel) Model.deserializeFromFile(file);
    }

    private static void assertSamePredictions(GaeaModel a, GaeaModel b) {
        List<Prediction<Label>> pa = a.predict(test);
        List<Prediction<Label>> pb = b.predict(test);
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).getOutput().getLabel(), pb.get(i).getOutput().getLabel());
            assertEquals(pa.get(i).getOutput().getScore(), pb.get(i).getOutput().getScore(), 1e-6);
        }
    }

    @Test
    public void gaeaPcDartsSearchesTheDartsSpaceWithEdgeWeights() throws Exception {
        GaeaTrainer trainer = tinyDarts(3).build();
        assertEquals("GAEA PC-DARTS", trainer.method().name());
        try (GaeaModel model = trainer.train(train)) {
            DartsGenotype genotype = assertInstanceOf(DartsGenotype.class, model.genotype());
            assertEquals(8, genotype.normal().size());
            assertEquals(28, model.alpha().length);
            assertEquals(8, model.alpha()[0].length);
            assertSimplexRows(model.alpha(), "alpha");
            float[] beta = model.beta();
            assertEquals(28, beta.length);
            int at = 0;
            for (int group : new int[]{2, 3, 4, 5, 2, 3, 4, 5}) {
                double sum = 0;
                for (int i = 0; i < group; i++) {
                    sum += beta[at + i];
                }
                assertEquals(1.0, sum, 1e-4, "each node's edge weights lie on its simplex");
                at += group;
            }
            assertNotEquals(0.5f, beta[0], 1e-7f, "the EG step moved the edge weights");
            assertTrue(model.hasAuxiliaryHead(), "darts final networks carry the auxiliary head by default");
            String resolved = model.getProvenance().getInstanceProvenance().getMap().get(GaeaTrainer.RESOLVED_SETTINGS).toString();
            assertTrue(resolved.contains("partialChannels=4") && resolved.contains("edgeWeights=true")
                    && resolved.contains("auxiliaryWeight=0.4") && resolved.contains("cutout=16"), resolved);
            assertEquals(test.size(), model.predict(test).size());
            try (GaeaModel loaded = roundTrip(model, "pc-darts")) {
                assertEquals(genotype, loaded.genotype());
                assertArrayEquals(beta, loaded.beta());
                assertSamePredictions(model, loaded);
            }
        }
    }

    @Test
    public void pcDartsBaselineKeepsTheArchitectureFrozenDuringWarmUp() {
        GaeaTrainer trainer = tinyDarts(4).architectureUpdate(new SoftmaxAdamUpdate())
                .search(dartsSchedule().epochs(2).archWarmupEpochs(1).build())
                .space(dartsSpace().finalRegularization(0f, 0f, 0).build()).build();
        assertEquals("PC-DARTS", trainer.method().name());
        try (GaeaModel model = trainer.train(train)) {
            List<EpochRecord> epochs = model.searchHistory().epochs();
            assertEquals(2, epochs.size());
            // Softmax of 1e-3-scale logits: entropy within 1e-5 of ln 8 while frozen, and it moves after.
            float[][] frozen = epochs.get(0).alpha();
            float[][] moved = epochs.get(1).alpha();
            boolean changed = false;
            for (int i = 0; i < frozen.length && !changed; i++) {
                for (int k = 0; k < frozen[i].length; k++) {
                    changed |= Math.abs(frozen[i][k] - moved[i][k]) > 1e-6;
                }
            }
            assertTrue(changed, "the architecture moves in the epoch after the warm-up");
            assertEquals(Math.log(8), epochs.get(0).meanEntropy(), 1e-5, "no architecture step during the warm-up");
            assertTrue(!model.hasAuxiliaryHead());
        }
    }

    @Test
    public void tabularSpaceSearchesAndStandardizesWineFeatures() throws Exception {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        MutableDataset<Label> wineTrain = new MutableDataset<>(wine.getProvenance(), wine.getOutputFactory());
        MutableDataset<Label> wineTest = new MutableDataset<>(wine.getProvenance(), wine.getOutputFactory());
        for (int i = 0; i < wine.size(); i++) {
            (i % 4 == 0 ? wineTest : wineTrain).add(wine.getExample(i));
        }
        GaeaTrainer trainer = GaeaTrainer.builder()
                .space(TabularSearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(2).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(15).batchSize(32).learningRate(0.05f, 0f).build())
                .seed(2).device("cpu").build();
        try (GaeaModel model = trainer.train(wineTrain)) {
            assertInstanceOf(TabularGenotype.class, model.genotype());
            assertEquals(13, model.imageShape().channels(), "one input per wine feature");
            float[] means = model.normalization().means();
            assertEquals(13, means.length);
            // Proline (f12) is in the hundreds: the model standardizes it with its training mean.
            assertTrue(means[12] > 300, "proline mean " + means[12]);
            double accuracy = new LabelEvaluator().evaluate(model, wineTest).accuracy();
            assertTrue(accuracy > 0.8, "standardized wine is easy: accuracy " + accuracy);
            try (GaeaModel loaded = roundTrip(model, "tabular")) {
                assertEquals(model.genotype(), loaded.genotype());
                List<Prediction<Label>> a = model.predict(wineTest);
                List<Prediction<Label>> b = loaded.predict(wineTest);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).getOutput().getScore(), b.get(i).getOutput().getScore(), 1e-6);
                }
            }
        }
    }

    @Test
    public void optionsThatMakeNoSenseForTheSpaceAreRejected() {
        IllegalArgumentException k = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dartsSpace().partialChannels(3).build());
        assertTrue(k.getMessage().contains("partialChannels") && k.getMessage().contains("3"), k.getMessage());
        IllegalArgumentException input = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GaeaTrainer.builder().space(TabularSearchSpace.builder().build()).input(new ImageInput()).build());
        assertTrue(input.getMessage().startsWith("input") && input.getMessage().contains("FEATURE_VECTORS"), input.getMessage());
        IllegalArgumentException warm = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GaeaTrainer.builder().space(new Nb201SearchSpace(Nb201Space.withoutNone())).relaxation(new GumbelRelaxation())
                        .search(SearchSchedule.builder().epochs(25).build()).build());
        assertTrue(warm.getMessage().startsWith("archWarmupEpochs") && warm.getMessage().contains("GAEA GDAS"), warm.getMessage());
        IllegalArgumentException drop = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dartsSpace().finalRegularization(0.4f, 1f, 16).build());
        assertTrue(drop.getMessage().startsWith("dropPath"), drop.getMessage());
    }

    @Test
    public void gaeaGdasSamplesDeterministicallyAndUpdatesAfterTheWarmUp() {
        GaeaTrainer.Builder builder = TinyTrainers.tiny(6).relaxation(new GumbelRelaxation())
                .search(TinyTrainers.schedule().epochs(2).archWarmupEpochs(1).build());
        GaeaTrainer trainer = builder.build();
        assertEquals("GAEA GDAS", trainer.method().name());
        float[][] first;
        try (GaeaModel model = trainer.train(train)) {
            List<EpochRecord> epochs = model.searchHistory().epochs();
            for (float v : org.tribuo.nas.arch.Simplex.flatten(epochs.get(0).alpha())) {
                assertEquals(0.25f, v, 0f, "α is frozen (uniform) during the warm-up");
            }
            // From uniform the entropy moves only to second order, so compare the weights themselves.
            float[] moved = org.tribuo.nas.arch.Simplex.flatten(epochs.get(1).alpha());
            boolean changed = false;
            for (float v : moved) {
                changed |= v != 0.25f;
            }
            assertTrue(changed, "α moves after the warm-up");
            String resolved = model.getProvenance().getInstanceProvenance().getMap().get(GaeaTrainer.RESOLVED_SETTINGS).toString();
            assertTrue(resolved.contains("archLearningRate=0.01") && resolved.contains("archEntropicWeight=0.01"), resolved);
            first = model.alpha();
        }
        try (GaeaModel again = builder.build().train(train)) {
            assertArrayEquals(org.tribuo.nas.arch.Simplex.flatten(first), org.tribuo.nas.arch.Simplex.flatten(again.alpha()),
                    "one seed, one sequence of Gumbel samples");
        }
    }

    @Test
    public void gdasBaselineSamplesWithSoftmaxLogits() {
        GaeaTrainer trainer = TinyTrainers.tiny(7).relaxation(new GumbelRelaxation())
                .architectureUpdate(new SoftmaxAdamUpdate()).build();
        assertEquals("GDAS", trainer.method().name());
        try (GaeaModel model = trainer.train(train)) {
            assertSimplexRows(model.alpha(), "softmax of the logits");
            assertEquals(test.size(), model.predict(test).size());
        }
    }
}
