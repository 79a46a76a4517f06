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

import org.tribuo.nas.search.SoftmaxAdamUpdate;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.nas.nb201.Nb201Genotype;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import ai.djl.Device;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One small training run on the Fashion-MNIST fixture, then everything a Tribuo model must do.
 */
public class GaeaModelTest {

    private static MutableDataset<Label> train;
    private static MutableDataset<Label> test;
    private static GaeaTrainer trainer;
    private static GaeaModel model;

    @BeforeAll
    public static void trainOnce() {
        train = FashionFixture.datasetHead("train", 128);
        test = FashionFixture.datasetHead("t10k", 64);
        trainer = TinyTrainers.tiny(7).build();
        model = trainer.train(train);
    }

    @AfterAll
    public static void close() {
        model.close();
    }

    private static void assertSamePredictions(List<Prediction<Label>> a, List<Prediction<Label>> b) {
        assertSamePredictions(a, b, 0);
    }

    private static void assertSamePredictions(List<Prediction<Label>> a, List<Prediction<Label>> b, double tolerance) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getOutput().getLabel(), b.get(i).getOutput().getLabel(), "prediction " + i);
            for (String label : a.get(i).getOutputScores().keySet()) {
                assertEquals(a.get(i).getOutputScores().get(label).getScore(),
                        b.get(i).getOutputScores().get(label).getScore(), tolerance, "score of " + label + " in prediction " + i);
            }
        }
    }

    @Test
    public void predictionsCarryASoftmaxScoreForEveryLabel() {
        List<Prediction<Label>> predictions = model.predict(test);
        assertEquals(test.size(), predictions.size());
        for (Prediction<Label> p : predictions) {
            assertEquals(train.getOutputIDInfo().size(), p.getOutputScores().size());
            double sum = p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
            assertEquals(1.0, sum, 1e-4);
            assertTrue(p.hasProbabilities());
            assertTrue(p.getNumActiveFeatures() > 0);
        }
        // batched and one-by-one prediction agree (up to float rounding: kernels differ by batch size)
        List<Prediction<Label>> single = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            single.add(model.predict(test.getExample(i)));
        }
        assertSamePredictions(predictions.subList(0, 5), single, 1e-5);
    }

    @Test
    public void labelEvaluatorWorksUnchanged() {
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        assertTrue(evaluation.accuracy() >= 0 && evaluation.accuracy() <= 1, "accuracy " + evaluation.accuracy());
        assertEquals(train.getOutputIDInfo().size(), evaluation.getConfusionMatrix().getDomain().size());
        assertEquals(test.size(), evaluation.getPredictions().size());
        assertTrue(evaluation.getConfusionMatrix().toString().contains("9"));
    }

    @Test
    public void protobufRoundTripGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        Model<?> loaded = Model.deserializeFromFile(file);
        assertTrue(loaded instanceof GaeaModel);
        try (GaeaModel copy = (GaeaModel) loaded) {
            assertEquals(model.genotype(), copy.genotype());
            assertEquals(model.getProvenance(), copy.getProvenance());
            assertArrayEquals(model.alpha()[2], copy.alpha()[2]);
            assertEquals(model.searchHistoryJson(), copy.searchHistoryJson());
            assertSamePredictions(model.predict(test), copy.predict(test));
        }
        try (GaeaModel viaFiles = ModelFiles.load(file, Device.cpu())) {
            assertSamePredictions(model.predict(test), viaFiles.predict(test));
        }
    }

    @Test
    public void modelFilesRefuseForeignAndDamagedFiles(@TempDir Path dir) throws Exception {
        Path foreign = dir.resolve("foreign.tribuo");
        ModelProto other = model.serialize().toBuilder().setClassName("com.example.Evil").build();
        Files.write(foreign, other.toByteArray());
        Exception e = assertThrows(java.io.IOException.class, () -> ModelFiles.load(foreign, Device.cpu()));
        assertTrue(e.getMessage().contains("com.example.Evil"), e.getMessage());

        Path truncated = dir.resolve("truncated.tribuo");
        byte[] bytes = model.serialize().toByteArray();
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(java.io.IOException.class, () -> ModelFiles.load(truncated, Device.cpu()));
        assertTrue(e.getMessage().contains("truncated.tribuo"), e.getMessage());

        // A flipped bit anywhere (header, metadata, weights, normalization, α) is refused, never loaded.
        Path corrupted = dir.resolve("corrupted.tribuo");
        for (int k = 1; k < 40; k++) {
            byte[] damaged = bytes.clone();
            int at = (int) ((long) damaged.length * k / 40);
            damaged[at] ^= 0x04;
            Files.write(corrupted, damaged);
            e = assertThrows(java.io.IOException.class, () -> ModelFiles.load(corrupted, Device.cpu()), "flipped byte " + at);
            assertTrue(e.getMessage().contains("corrupted.tribuo"), e.getMessage());
        }
    }

    @Test
    public void javaSerializationFailsWithAClearMessage() {
        NotSerializableException e = assertThrows(NotSerializableException.class,
                () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(model));
        assertTrue(e.getMessage().contains("serializeToFile"), e.getMessage());
    }

    @Test
    public void provenanceRecordsTheSearchAndRoundTripsThroughJson() throws Exception {
        ModelProvenance provenance = model.getProvenance();
        var instance = provenance.getInstanceProvenance().getMap();
        assertEquals(model.genotype().toString(),
                ((com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance) instance.get(GaeaModel.GENOTYPE)).getValue());
        assertTrue(instance.containsKey(GaeaModel.ALPHA));
        assertTrue(instance.containsKey(GaeaModel.MEAN_ENTROPY));
        assertEquals("cpu", ((com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance) instance.get(GaeaModel.DEVICE)).getValue());
        TrainerProvenance tp = provenance.getTrainerProvenance();
        assertTrue(tp instanceof GaeaTrainerProvenance);
        assertEquals("cpu", ((GaeaTrainerProvenance) tp).resolvedDevice());
        ConfiguredObjectProvenance update = (ConfiguredObjectProvenance) tp.getConfiguredParameters().get("architectureUpdate");
        assertEquals(org.tribuo.nas.search.ExponentiatedGradientUpdate.class.getName(), update.getClassName());
        ConfiguredObjectProvenance space = (ConfiguredObjectProvenance) tp.getConfiguredParameters().get("space");
        assertEquals("1", space.getConfiguredParameters().get("searchCellsPerStage").toString());
        assertEquals("7", tp.getConfiguredParameters().get("seed").toString());
        assertTrue(tp.getInstanceValues().containsKey(GaeaTrainerProvenance.PYTORCH_VERSION));

        JsonProvenanceSerialization json = new JsonProvenanceSerialization(true);
        String text = json.marshalAndSerialize(provenance);
        ObjectProvenance back = json.deserializeAndUnmarshal(text);
        assertEquals(provenance, back);
        assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));
    }

    @Test
    public void concurrentPredictionsEqualSerialOnes() throws Exception {
        List<Prediction<Label>> serial = model.predict(test);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction<Label>>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> model.predict(test)));
            }
            for (Future<List<Prediction<Label>>> f : futures) {
                assertSamePredictions(serial, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    public void predictionLeavesNoNativeArrayBehind() {
        ai.djl.ndarray.NDManager system;
        try (ai.djl.ndarray.NDManager probe = org.tribuo.nas.runtime.DjlRuntime.engine().newBaseManager()) {
            system = probe.getParentManager();
        }
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            model.predict(test.getExample(i % test.size()));
            live.add(system.getManagedArrays().size());
        }
        for (int i = 1; i < live.size(); i++) {
            assertEquals(live.get(0), live.get(i), "live native arrays after prediction " + (i + 1) + ": " + live);
        }
    }

    @Test
    public void copyIsIndependentAndEqual() {
        Model<Label> copy = model.copy();
        try {
            assertSamePredictions(model.predict(test), copy.predict(test));
        } finally {
            ((GaeaModel) copy).close();
        }
        assertEquals(Collections.emptyMap(), model.getTopFeatures(5));
        assertFalse(model.getExcuse(test.getExample(0)).isPresent());
    }

    @Test
    public void genotypeIsValidAndSearchHistoryIsKept() {
        Nb201Genotype g = Nb201Genotype.parse(model.genotype().toString());
        assertEquals(model.genotype(), g);
        assertEquals(1, model.searchHistory().epochs().size());
        assertEquals(g.toString(), model.searchHistory().finalGenotype());
    }

    @Test
    public void configurationRoundTrips(@TempDir Path dir) throws Exception {
        GaeaTrainer configured = TinyTrainers.tiny(99).architectureUpdate(new SoftmaxAdamUpdate()).build();
        ConfigurationManager cm = new ConfigurationManager();
        cm.importConfigurable(configured, "trainer");
        Path file = dir.resolve("trainer.xml");
        cm.save(file.toFile(), true);
        ConfigurationManager read = new ConfigurationManager(file.toString());
        GaeaTrainer back = (GaeaTrainer) read.lookup("trainer");
        assertEquals(configured.toString(), back.toString());
        assertEquals(configured.getProvenance(), back.getProvenance());
        // and from the model's provenance
        List<com.oracle.labs.mlrg.olcut.config.ConfigurationData> data =
                ProvenanceUtil.extractConfiguration(model.getProvenance());
        ConfigurationManager fromProvenance = new ConfigurationManager();
        fromProvenance.addConfiguration(data);
        List<GaeaTrainer> trainers = fromProvenance.lookupAll(GaeaTrainer.class);
        assertEquals(1, trainers.size());
        assertEquals(trainer.toString(), trainers.get(0).toString());
    }

    @Test
    public void invalidConfigurationIsRejectedByName(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TinyTrainers.finalTraining().learningRate(-0.1f, 0f).build());
        assertTrue(e.getMessage().startsWith("learningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TinyTrainers.space().ops(List.of("skip_connect", "conv_9x9")).build());
        assertTrue(e.getMessage().contains("ops") && e.getMessage().contains("conv_9x9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TinyTrainers.tiny(1).device("tpu").build());
        assertTrue(e.getMessage().startsWith("device"), e.getMessage());

        Path file = dir.resolve("bad.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<config>\n"
                + "  <component name=\"trainer\" type=\"org.tribuo.nas.GaeaTrainer\">\n"
                + "    <property name=\"search\" value=\"schedule\"/>\n"
                + "  </component>\n"
                + "  <component name=\"schedule\" type=\"org.tribuo.nas.search.SearchSchedule\">\n"
                + "    <property name=\"epochs\" value=\"0\"/>\n"
                + "  </component>\n</config>\n");
        ConfigurationManager cm = new ConfigurationManager(file.toString());
        PropertyException pe = assertThrows(PropertyException.class, () -> cm.lookup("trainer"));
        assertTrue(pe.getMessage().contains("epochs") && pe.getMessage().contains("SearchSchedule"), pe.getMessage());
    }

    @Test
    public void nonImageDataGetsAClearError() {
        MutableDataset<Label> tabular = new MutableDataset<>(new org.tribuo.provenance.SimpleDataSourceProvenance("iris-like",
                new org.tribuo.classification.LabelFactory()), new org.tribuo.classification.LabelFactory());
        for (int i = 0; i < 4; i++) {
            org.tribuo.impl.ArrayExample<Label> e = new org.tribuo.impl.ArrayExample<>(new Label(i % 2 == 0 ? "a" : "b"));
            e.add("petal_width", 1.0 + i);
            tabular.add(e);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TinyTrainers.tiny(1).build().train(tabular));
        assertTrue(e.getMessage().contains("petal_width") && e.getMessage().contains("tabular"), e.getMessage());
    }

    @Test
    public void invocationCountReplaysTheRandomStream() {
        GaeaTrainer a = TinyTrainers.tiny(5).build();
        GaeaTrainer b = TinyTrainers.tiny(5).build();
        a.setInvocationCount(3);
        TrainerProvenance pa = a.getProvenance();
        assertEquals(3, a.getInvocationCount());
        for (int i = 0; i < 3; i++) {
            b.setInvocationCount(b.getInvocationCount() + 1);
        }
        assertEquals(pa, b.getProvenance());
        assertNotEquals(TinyTrainers.tiny(5).build().getProvenance(), pa);
    }
}
