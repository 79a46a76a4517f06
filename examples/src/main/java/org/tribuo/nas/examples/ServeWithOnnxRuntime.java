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

package org.tribuo.nas.examples;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Serving an exported model with ONNX Runtime alone (no Tribuo, DJL or libtorch at prediction
 * time): reads the feature and label names from the file's metadata, classifies the first
 * Fashion-MNIST test images and prints the accuracy. docs/serving.md shows the core of it.
 * <pre>
 *   ServeWithOnnxRuntime [output/fashion-mnist/model.onnx] [how many test images, default 1000]
 * </pre>
 */
public final class ServeWithOnnxRuntime {

    private static final Path DATA = Paths.get("/usr/share/datasets/fashion-mnist");

    private ServeWithOnnxRuntime() {}

    /**
     * Classifies test images.
     * @param args The model file and the number of images.
     * @throws Exception If the model or the data cannot be read.
     */
    public static void main(String[] args) throws Exception {
        Path model = Paths.get(args.length > 0 ? args[0] : "output/fashion-mnist/model.onnx");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<Map<String, Float>> images = readImages(DATA.resolve("t10k-images-idx3-ubyte.gz"), n);
        int[] truth = readLabels(DATA.resolve("t10k-labels-idx1-ubyte.gz"), n);
        int correct = 0;
        try (OnnxClassifier classifier = new OnnxClassifier(model)) {
            for (int i = 0; i < n; i++) {
                if (classifier.classify(images.get(i)).equals(Integer.toString(truth[i]))) {
                    correct++;
                }
            }
        }
        System.out.printf("%s: %d of %d test images right (%.4f)%n", model, correct, n, correct / (double) n);
    }

    /** The classifier, as docs/serving.md shows it. */
    static final class OnnxClassifier implements AutoCloseable {
        private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final List<String> features;
        private final List<String> labels;

        OnnxClassifier(Path model) throws OrtException, IOException {
            session = env.createSession(model.toString(), new OrtSession.SessionOptions());
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            ObjectMapper json = new ObjectMapper();
            features = json.readValue(meta.get("tribuo-nas.feature-names"), STRINGS);
            labels = json.readValue(meta.get("tribuo-nas.label-names"), STRINGS);
        }

        /** The most probable label of an example given as feature name → raw value. */
        String classify(Map<String, Float> example) throws OrtException {
            float[][] x = new float[1][features.size()];
            for (int i = 0; i < x[0].length; i++) {
                x[0][i] = example.getOrDefault(features.get(i), 0f);
            }
            try (OnnxTensor input = OnnxTensor.createTensor(env, x);
                 OrtSession.Result result = session.run(Map.of("input", input))) {
                float[] p = ((float[][]) result.get(0).getValue())[0];
                int best = 0;
                for (int k = 1; k < p.length; k++) {
                    best = p[k] > p[best] ? k : best;
                }
                return labels.get(best);
            }
        }

        @Override
        public void close() throws OrtException {
            session.close();
        }
    }

    /** IDX images as Tribuo's IDXDataSource names their features: the pixel index, zero pixels left out. */
    private static List<Map<String, Float>> readImages(Path file, int n) throws IOException {
        try (DataInputStream in = open(file)) {
            in.readInt();
            in.readInt();
            int pixels = in.readInt() * in.readInt();
            String name = "%0" + Integer.toString(pixels).length() + "d";
            List<Map<String, Float>> images = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Map<String, Float> image = new HashMap<>();
                for (int p = 0; p < pixels; p++) {
                    int v = in.readUnsignedByte();
                    if (v != 0) {
                        image.put(String.format(name, p), (float) v);
                    }
                }
                images.add(image);
            }
            return images;
        }
    }

    private static int[] readLabels(Path file, int n) throws IOException {
        try (DataInputStream in = open(file)) {
            in.readInt();
            in.readInt();
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readUnsignedByte();
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw)));
    }
}
