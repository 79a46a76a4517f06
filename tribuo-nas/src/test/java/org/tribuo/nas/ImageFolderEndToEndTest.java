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

import ai.djl.Device;
import ai.onnx.proto.OnnxMl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.data.CompactImageExample;
import org.tribuo.nas.data.ImageFolderDataSource;
import org.tribuo.nas.data.ImageFolderDataSource.OnUnreadable;
import org.tribuo.nas.data.ImageFolderDataSource.Resize;
import org.tribuo.nas.data.ImageFolderDataSource.Split;
import org.tribuo.nas.data.ImageFolderDataSourceProvenance;
import org.tribuo.nas.data.ImageInput;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.onnx.OnnxRuntimeCheck;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribuo.nas.testutil.ImageFolderFixtures.noisy;
import static org.tribuo.nas.testutil.ImageFolderFixtures.write;

/**
 * Images from a folder tree built at test time (mixed sizes, RGB and grey, PNG and JPEG) through
 * the whole API: search and final training, predict, evaluate, save and load, ONNX export.
 * The compact examples go through every path unchanged.
 */
public class ImageFolderEndToEndTest {

    private static final ImageShape SHAPE = new ImageShape(3, 16, 16);
    private static final int[] LEVELS = {50, 200};
    private static final String[] CLASSES = {"dark", "light"};

    @TempDir
    static Path root;

    private static MutableDataset<Label> train;
    private static MutableDataset<Label> test;

    @BeforeAll
    public static void writeFolders() throws IOException {
        Random rng = new Random(35);
        String[] formats = {"png", "jpeg"};
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY};
        for (String split : List.of("train", "test")) {
            int perClass = split.equals("train") ? 48 : 10;
            for (int c = 0; c < CLASSES.length; c++) {
                for (int i = 0; i < perClass; i++) {
                    int size = 12 + rng.nextInt(13);
                    String format = formats[i % 2];
                    BufferedImage image = noisy(size, size + rng.nextInt(5), types[(i / 2) % 2], LEVELS[c], rng);
                    write(image, format, root.resolve(split + "/" + CLASSES[c] + "/" + i + "." + format));
                }
            }
        }
        train = load(Split.TRAIN);
        test = load(Split.TEST);
    }

    private static MutableDataset<Label> load(Split split) throws IOException {
        return new MutableDataset<>(new ImageFolderDataSource(root, split, SHAPE, Resize.CENTER_CROP, OnUnreadable.FAIL));
    }

    @Test
    public void searchPredictEvaluateSaveLoadAndExport(@TempDir Path out) throws Exception {
        assertTrue(test.getExample(0) instanceof CompactImageExample);
        GaeaTrainer trainer = TinyTrainers.tiny(3).input(new ImageInput()).build();
        try (GaeaModel model = trainer.train(train)) {
            assertTrue(model.getProvenance().getDatasetProvenance().getSourceProvenance()
                    instanceof ImageFolderDataSourceProvenance, "the folder's provenance is in the model's");

            List<Prediction<Label>> predictions = model.predict(test);
            List<Example<Label>> copies = new ArrayList<>();
            test.forEach(e -> copies.add(new ArrayExample<>(e)));
            assertSameScores(predictions, model.predict(copies), 0f);

            LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
            assertEquals(test.size(), evaluation.getPredictions().size());
            assertEquals(2, evaluation.getConfusionMatrix().getDomain().size());
            assertTrue(evaluation.accuracy() >= 0.9, "dark and light noise are easy to tell apart: " + evaluation.accuracy());

            Path file = out.resolve("model.tribuo");
            model.serializeToFile(file);
            try (GaeaModel loaded = ModelFiles.load(file, Device.cpu())) {
                assertEquals(model.getProvenance(), loaded.getProvenance());
                assertSameScores(predictions, loaded.predict(test), 0f);
            }
            try (GaeaModel viaTribuo = (GaeaModel) Model.deserializeFromFile(file)) {
                assertSameScores(predictions, viaTribuo.predict(test), 0f);
            }

            OnnxMl.ModelProto onnx = model.exportONNXModel("org.tribuo.nas.test", 1);
            float[][] viaOnnx = OnnxRuntimeCheck.run(onnx, featureVectors(model.getFeatureIDMap(), test));
            OnnxRuntimeCheck.assertClose(scores(predictions, model.getOutputIDInfo()), viaOnnx, 1e-4f);
        }
    }

    /** The test examples as Tribuo's ONNX input: one row per example, one column per feature id. */
    private static float[][] featureVectors(ImmutableFeatureMap features, MutableDataset<Label> data) {
        float[][] input = new float[data.size()][features.size()];
        for (int i = 0; i < data.size(); i++) {
            for (Feature f : data.getExample(i)) {
                input[i][features.getID(f.getName())] = (float) f.getValue();
            }
        }
        return input;
    }

    private static float[][] scores(List<Prediction<Label>> predictions, ImmutableOutputInfo<Label> labels) {
        float[][] out = new float[predictions.size()][labels.size()];
        for (int i = 0; i < predictions.size(); i++) {
            for (Map.Entry<String, Label> e : predictions.get(i).getOutputScores().entrySet()) {
                out[i][labels.getID(e.getValue())] = (float) e.getValue().getScore();
            }
        }
        return out;
    }

    private static void assertSameScores(List<Prediction<Label>> expected, List<Prediction<Label>> actual, float tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            for (Map.Entry<String, Label> e : expected.get(i).getOutputScores().entrySet()) {
                double other = actual.get(i).getOutputScores().get(e.getKey()).getScore();
                assertEquals(e.getValue().getScore(), other, tolerance, "score of " + e.getKey() + " for example " + i);
            }
        }
    }
}
