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

package org.tribuo.nas.repro;

import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.train.FinalTraining;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import ai.djl.Device;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trains a tiny model on the Fashion-MNIST fixture, saves and reloads it, and reproduces it from
 * the reloaded file's provenance alone.
 */
public class ModelReproducerTest {

    @TempDir
    static Path dir;

    private static final int TRAIN = 256;
    private static final int TEST = 64;

    private static GaeaModel model;
    private static MutableDataset<Label> test;

    static GaeaTrainer tinyTrainer(long seed) {
        return GaeaTrainer.builder()
                .input(new ImageInput(FashionFixture.SHAPE))
                .space(Nb201SearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(32).examples(64).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(32).build())
                .seed(seed).device("cpu")
                .build();
    }

    @BeforeAll
    public static void trainSaveAndReload() throws Exception {
        Path data = SmallFixture.write(dir.resolve("data"), TRAIN, TEST);
        test = new MutableDataset<>(new IDXDataSource<>(data.resolve("t10k-images-idx3-ubyte.gz"),
                data.resolve("t10k-labels-idx1-ubyte.gz"), new LabelFactory()));
        MutableDataset<Label> train = new MutableDataset<>(new IDXDataSource<>(data.resolve("train-images-idx3-ubyte.gz"),
                data.resolve("train-labels-idx1-ubyte.gz"), new LabelFactory()));
        Path file = dir.resolve("model.tribuo");
        try (GaeaModel trained = tinyTrainer(3).train(train)) {
            ModelFiles.save(trained, file);
        }
        model = ModelFiles.load(file, Device.cpu());
    }

    @AfterAll
    public static void close() {
        model.close();
    }

    @Test
    public void reproducesGenotypeAndEveryPredictionExactly() {
        Reproduction r = new ModelReproducer().reproduce(model, test);
        assertTrue(r.genotypeEqual(), r.report());
        assertEquals(model.genotype().toString(), r.reproducedGenotype());
        assertEquals(TRAIN + TEST, r.predictionsCompared());
        assertEquals(0, r.predictionsDiffering(), r.report());
        assertTrue(r.identical(), r.report());
        assertEquals(List.of(), r.provenanceDiff(), r.report());
        assertTrue(r.report().startsWith("Reproduction: IDENTICAL"), r.report());
    }

    @Test
    public void aChangedSeedIsReportedInTheProvenanceDiff() {
        Reproduction r = new ModelReproducer().overrideTrainer("seed", "4").reproduce(model);
        Optional<ProvenanceDifference> seed = r.provenanceDiff().stream()
                .filter(d -> d.key().equals("trainer.seed")).findFirst();
        assertTrue(seed.isPresent(), r.report());
        assertEquals("3", seed.get().original());
        assertEquals("4", seed.get().reproduced());
        assertTrue(r.report().contains("trainer.seed"), r.report());
        // different weights, so predictions differ, and the verdict says so
        assertTrue(r.predictionsDiffering() > 0, r.report());
        assertFalse(r.identical());
        assertTrue(r.report().startsWith("Reproduction: DIFFERENT"), r.report());
    }

    @Test
    public void anotherThreadCountIsReportedAsAnEnvironmentDifferenceWithAVerdictAndEvidence() {
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        Reproduction r;
        try {
            // "another machine": another intra-op thread count sums floats in another order
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads == 1 ? 2 : 1);
            r = new ModelReproducer().reproduce(model, test);
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
        assertTrue(r.environmentDifferences().stream().anyMatch(d -> d.key().endsWith("intra-op-threads")), r.report());
        assertTrue(r.report().contains("Environment differences"), r.report());
        if (r.predictionsDiffering() == 0 && r.genotypeEqual()) {
            assertEquals(Verdict.IDENTICAL, r.verdict(), r.report());
        } else {
            assertTrue(r.verdict() != Verdict.IDENTICAL, r.report());
            assertFalse(r.departure().isEmpty(), r.report());
            assertTrue(r.report().contains("first departure:"), r.report());
        }
        assertTrue(r.report().contains("labels agreeing:") && r.report().contains("max |score difference|"), r.report());
    }

    @Test
    public void theVerdictFollowsGenotypeAndLabelAgreement() {
        PredictionComparison exact = new PredictionComparison(100, 0, 100, 0, 100, 90, 90, List.of());
        PredictionComparison close = new PredictionComparison(100, 60, 99, 0.02, 100, 90, 89, List.of());
        PredictionComparison far = new PredictionComparison(100, 80, 98, 0.3, 100, 90, 85, List.of());
        assertEquals(Verdict.IDENTICAL, new Reproduction("g", "g", exact, List.of(), "").verdict());
        assertEquals(Verdict.EQUIVALENT, new Reproduction("g", "g", close, List.of(), "final-training epoch 2").verdict());
        assertEquals(Verdict.DIFFERENT, new Reproduction("g", "g", far, List.of(), "search epoch 1").verdict());
        assertEquals(Verdict.DIFFERENT, new Reproduction("g", "h", exact, List.of(), "search epoch 3").verdict());
        assertEquals(-0.01, close.accuracyDifference(), 1e-12);
        String report = new Reproduction("g", "g", close, List.of(), "final-training epoch 2: loss 0.5 vs 0.51").report();
        assertTrue(report.startsWith("Reproduction: EQUIVALENT") && report.contains("first departure:       final-training epoch 2"),
                report);
    }

    @Test
    public void recoveryRebuildsTheRecordedConfiguration() {
        ProvenanceRecovery recovery = ProvenanceRecovery.of(model.getProvenance());
        GaeaTrainer trainer = recovery.trainer();
        assertEquals(tinyTrainer(3).toString(), trainer.toString());
        assertEquals(0, trainer.getInvocationCount(), "provenance is captured before the count increments");
        MutableDataset<Label> data = recovery.dataset();
        assertEquals(TRAIN, data.size());
        assertEquals(List.of(), ProvenanceDiff.diff(model.getProvenance().getDatasetProvenance(), data.getProvenance()));
    }

    @Test
    public void unknownOverrideNamesTheField() {
        ProvenanceRecovery recovery = ProvenanceRecovery.of(model.getProvenance());
        ReproductionException e = assertThrows(ReproductionException.class,
                () -> recovery.overrideTrainer("noSuchField", "1"));
        assertTrue(e.getMessage().contains("noSuchField"), e.getMessage());
    }

    @Test
    public void aTrainingSetBuiltFromPartOfTheSourceIsRefused() {
        // what FashionFixture.datasetHead does: a MutableDataset with the source's provenance but fewer examples
        var source = FashionFixture.source("train");
        MutableDataset<Label> head = new MutableDataset<>(source.getProvenance(), source.getOutputFactory());
        for (var e : source) {
            if (head.size() == 10) {
                break;
            }
            head.add(e);
        }
        ModelProvenance provenance = new ModelProvenance(GaeaModel.class.getName(), OffsetDateTime.now(),
                head.getProvenance(), tinyTrainer(1).getProvenance());
        ReproductionException e = assertThrows(ReproductionException.class, () -> ProvenanceRecovery.of(provenance).dataset());
        assertTrue(e.getMessage().contains("trained on 10 examples but its data source now yields 1000"), e.getMessage());
    }

    @Test
    public void nonConfigurableDataIsRefusedClearly() {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> handMade = new MutableDataset<>(new SimpleDataSourceProvenance("by hand", factory), factory);
        ModelProvenance provenance = new ModelProvenance(GaeaModel.class.getName(), OffsetDateTime.now(),
                new DatasetProvenance(handMade.getSourceProvenance(), new ListProvenance<>(), handMade),
                tinyTrainer(1).getProvenance());
        ReproductionException e = assertThrows(ReproductionException.class, () -> ProvenanceRecovery.of(provenance));
        assertTrue(e.getMessage().contains("not configurable"), e.getMessage());
    }

    @Test
    public void flattenedKeysAreDotted() {
        var flat = ProvenanceDiff.flatten(model.getProvenance());
        assertEquals("3", flat.get("trainer.seed"));
        assertEquals(model.genotype().toString(), flat.get("instance-values.genotype"));
        assertTrue(flat.keySet().stream().anyMatch(k -> k.startsWith("dataset.datasource.")), flat.keySet().toString());
    }
}
