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
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.tabular.TabularSearchSpace;
import org.tribuo.nas.train.FinalTraining;
import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.LabelTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.nas.onnx.OnnxMetadata;
import org.tribuo.nas.onnx.OnnxRuntimeCheck;
import org.tribuo.nas.tabular.SklearnCsv;
import org.tribuo.nas.testutil.FashionFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trained model of each space exports to ONNX with its whole inference path (feature
 * placement, normalization, network, softmax): ONNX Runtime gives {@link GaeaModel#predict}'s
 * scores within 1e-4 and the same labels, and Tribuo's {@link ONNXExternalModel} loads the file
 * and predicts the same labels.
 */
public class GaeaModelOnnxTest {

    private static void assertOnnxPredictsAsTheModel(GaeaModel model, MutableDataset<Label> test) throws Exception {
        OnnxMl.ModelProto proto = model.exportONNXModel("org.tribuo.nas.test", 1);
        assertTrue(proto.getMetadataPropsList().stream().anyMatch(p -> p.getKey().equals(ONNXExportable.PROVENANCE_METADATA_FIELD)),
                "the provenance travels in the ONNX metadata");
        ImmutableFeatureMap features = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
        float[][] input = new float[test.size()][features.size()];
        for (int i = 0; i < test.size(); i++) {
            for (Feature f : test.getExample(i)) {
                if (features.get(f.getName()) != null) {
                    input[i][features.getID(f.getName())] = (float) f.getValue();
                }
            }
        }
        List<Prediction<Label>> predictions = model.predict(test);
        float[][] expected = new float[test.size()][labels.size()];
        for (int i = 0; i < test.size(); i++) {
            for (Map.Entry<String, Label> e : predictions.get(i).getOutputScores().entrySet()) {
                expected[i][labels.getID(e.getValue())] = (float) e.getValue().getScore();
            }
        }
        float[][] actual = OnnxRuntimeCheck.run(proto, input);
        OnnxRuntimeCheck.assertClose(expected, actual, 1e-4f);

        Path file = Files.createTempFile("gaea", ".onnx");
        try {
            model.saveONNXModel("org.tribuo.nas.test", 1, file);
            // The mappings an outside user needs come from the file's own metadata.
            OnnxMetadata metadata = OnnxMetadata.readFrom(OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file))).orElseThrow();
            assertEquals(features.size(), metadata.featureNames().size());
            Map<String, Integer> featureIds = new HashMap<>();
            for (int j = 0; j < metadata.featureNames().size(); j++) {
                featureIds.put(metadata.featureNames().get(j), j);
                assertEquals(j, features.getID(metadata.featureNames().get(j)));
            }
            Map<Label, Integer> labelIds = new HashMap<>();
            for (int k = 0; k < metadata.labelNames().size(); k++) {
                labelIds.put(new Label(metadata.labelNames().get(k)), k);
                assertEquals(labels.getOutput(k).getLabel(), metadata.labelNames().get(k));
            }
            // The external model owns the session options and closes them with itself.
            ONNXExternalModel<Label> external = ONNXExternalModel.createOnnxModel(new LabelFactory(), featureIds, labelIds,
                    new DenseTransformer(), new LabelTransformer(), new OrtSession.SessionOptions(), file, "input");
            try {
                List<Prediction<Label>> loaded = external.predict(test);
                for (int i = 0; i < test.size(); i++) {
                    assertEquals(predictions.get(i).getOutput().getLabel(), loaded.get(i).getOutput().getLabel(),
                            "label of example " + i);
                }
            } finally {
                external.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void nb201ModelExports() throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 40);
        try (GaeaModel model = TinyTrainers.tiny(2).build().train(train)) {
            assertOnnxPredictsAsTheModel(model, test);
        }
    }

    @Test
    public void dartsModelExportsWithoutItsAuxiliaryHead() throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 96);
        MutableDataset<Label> test = FashionFixture.datasetHead("t10k", 40);
        GaeaTrainer trainer = GaeaTrainer.builder().input(new ImageInput(FashionFixture.SHAPE))
                .space(DartsSearchSpace.builder().searchNetwork(8, 3).finalNetwork(8, 3).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(16).examples(48).build())
                .finalTraining(FinalTraining.builder().epochs(1).batchSize(16).examples(48).build())
                .seed(3).device("cpu").build();
        try (GaeaModel model = trainer.train(train)) {
            assertTrue(model.hasAuxiliaryHead());
            assertOnnxPredictsAsTheModel(model, test);
        }
    }

    @Test
    public void tabularModelExportsWithItsStandardization() throws Exception {
        MutableDataset<Label> wine = SklearnCsv.load(SklearnCsv.WINE);
        MutableDataset<Label> train = new MutableDataset<>(wine.getProvenance(), wine.getOutputFactory());
        MutableDataset<Label> test = new MutableDataset<>(wine.getProvenance(), wine.getOutputFactory());
        for (int i = 0; i < wine.size(); i++) {
            Example<Label> e = wine.getExample(i);
            (i % 4 == 0 ? test : train).add(e);
        }
        GaeaTrainer trainer = GaeaTrainer.builder()
                .space(TabularSearchSpace.builder().searchNetwork(16, 1).finalNetwork(16, 1).build())
                .search(SearchSchedule.builder().epochs(1).batchSize(32).build())
                .finalTraining(FinalTraining.builder().epochs(3).batchSize(32).build())
                .seed(2).device("cpu").build();
        try (GaeaModel model = trainer.train(train)) {
            assertOnnxPredictsAsTheModel(model, test);
        }
    }
}
