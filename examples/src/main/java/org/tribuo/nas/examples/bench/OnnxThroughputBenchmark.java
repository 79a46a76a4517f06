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

package org.tribuo.nas.examples.bench;

import ai.djl.Device;
import ai.onnxruntime.OrtSession;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.LabelTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.onnx.OnnxMetadata;
import org.tribuo.nas.runtime.DjlRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prediction throughput of a saved model on the Fashion-MNIST test set: {@link GaeaModel}
 * (DJL + libtorch) against its ONNX export run by ONNX Runtime through Tribuo's
 * {@link ONNXExternalModel}, both from Tribuo examples to predictions, with the same number of
 * intra-op threads (ai.djl.pytorch.num_threads), at batch 1 and batch 256, alternated round by
 * round. Prints one JSON line per measurement and checks that both give the same labels.
 * <pre>
 *   OnnxThroughputBenchmark [--model output/fashion-mnist/model.tribuo] [--rounds 3] [--single 1000]
 * </pre>
 * {@code --single}: how many test examples the batch-1 runs predict (all 10,000 at batch 256).
 */
public final class OnnxThroughputBenchmark {

    private OnnxThroughputBenchmark() {}

    /**
     * Runs the benchmark.
     * @param args See the class documentation.
     * @throws Exception If the model or data cannot be read.
     */
    public static void main(String[] args) throws Exception {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        Path modelFile = Paths.get(a.get("model", "output/fashion-mnist/model.tribuo"));
        int rounds = a.getInt("rounds", 3);
        int single = a.getInt("single", 1000);
        int threads = Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "2"));
        Path dir = Paths.get("/usr/share/datasets/fashion-mnist");
        IDXDataSource<Label> source = new IDXDataSource<>(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), new LabelFactory());
        List<Example<Label>> test = new ArrayList<>(new MutableDataset<>(source).getData());
        try (GaeaModel djl = ModelFiles.load(modelFile, Device.cpu())) {
            Path onnxFile = Files.createTempFile("throughput", ".onnx");
            ONNXExternalModel<Label> onnx = null;
            try {
                djl.saveONNXModel("org.tribuo.nas.bench", 1, onnxFile);
                onnx = load(onnxFile, threads);
                onnx.setBatchSize(256);
                checkSameLabels(djl, onnx, test);
                for (int round = 1; round <= rounds; round++) {
                    for (Model<Label> model : List.<Model<Label>>of(djl, onnx)) {
                        String side = model == djl ? "GaeaModel (DJL)" : "ONNX Runtime";
                        report(round, side, 256, threads, test.size(), time(() -> predictInBatches(model, test, 256)));
                        List<Example<Label>> head = test.subList(0, single);
                        report(round, side, 1, threads, head.size(), time(() -> {
                            for (Example<Label> e : head) {
                                model.predict(e);
                            }
                        }));
                    }
                }
            } finally {
                if (onnx != null) {
                    onnx.close();
                }
                Files.deleteIfExists(onnxFile);
            }
        }
    }

    private static ONNXExternalModel<Label> load(Path file, int threads) throws Exception {
        OnnxMetadata metadata = OnnxMetadata.readFrom(ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file)))
                .orElseThrow();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        return ONNXExternalModel.createOnnxModel(new LabelFactory(), metadata.featureIndices(), metadata.labelIndices(),
                new DenseTransformer(),
                new LabelTransformer(), options, file, "input");
    }

    private static void checkSameLabels(Model<Label> a, Model<Label> b, List<Example<Label>> test) {
        List<Prediction<Label>> pa = a.predict(test);
        List<Prediction<Label>> pb = b.predict(test);
        int same = 0;
        for (int i = 0; i < test.size(); i++) {
            if (pa.get(i).getOutput().getLabel().equals(pb.get(i).getOutput().getLabel())) {
                same++;
            }
        }
        System.out.printf(Locale.ROOT, "{\"check\": \"same labels\", \"agree\": %d, \"of\": %d}%n", same, test.size());
        if (same != test.size()) {
            throw new IllegalStateException("the ONNX export disagrees on " + (test.size() - same) + " labels");
        }
    }

    private static void predictInBatches(Model<Label> model, List<Example<Label>> test, int batch) {
        for (int from = 0; from < test.size(); from += batch) {
            model.predict(test.subList(from, Math.min(test.size(), from + batch)));
        }
    }

    private static double time(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(int round, String side, int batch, int threads, int examples, double seconds) {
        System.out.printf(Locale.ROOT, "{\"round\": %d, \"side\": \"%s\", \"batch\": %d, \"threads\": %d, \"examples\": %d,"
                + " \"seconds\": %.3f, \"examples_per_s\": %.1f}%n", round, side, batch, threads, examples, seconds,
                examples / seconds);
    }
}
