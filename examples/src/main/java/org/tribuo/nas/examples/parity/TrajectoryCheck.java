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


package org.tribuo.nas.examples.parity;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tribuo.nas.nb201.Nb201SearchSpace;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.darts.DartsCellLayout;
import org.tribuo.nas.darts.DartsSearchCell;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.darts.FusedDartsParameters;
import org.tribuo.nas.darts.FusedDartsSearchCell;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.search.SearchConfig;
import org.tribuo.nas.search.SearchSchedule;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nb201.FusedCellParameters;
import org.tribuo.nas.nb201.FusedSearchCell;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.nb201.SearchCell;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tribuo-nas side of the trajectory-equality check (scripts/trajectory-check.sh): builds a
 * supernet, writes its initial trained parameters and the batches of every step to a folder,
 * then runs the GAEA search step (EG architecture step, SGD weight step at a constant learning
 * rate) for a number of steps and writes the loss, α and β after every step. The PyTorch port
 * ({@code bench/pytorch/search_parity.py trajectory}) loads the same weights and batches, runs
 * the same steps and compares.
 * <pre>
 *   scripts/run-bench.sh org.tribuo.nas.examples.parity.TrajectoryCheck --space nas-bench-201 --out DIR
 *       [--steps 20] [--seed 1] [--batch 64] [--channels 16] [--depth 1] [--partial-channels 4]
 * </pre>
 * The exported parameters are those of the plain cells (the layout the port shares); the run is
 * made with the plain cells and again with the fused cells (the default) loaded with the same
 * weights.
 * Files: {@code manifest.json} (settings, parameter names and shapes), {@code weights.f32}
 * (the parameters in order, little-endian float32), {@code images.f32} and {@code labels.i32}
 * (per step the architecture batch, then the weight batch), {@code java-plain.json},
 * {@code java-fused.json}.
 */
public final class TrajectoryCheck {

    private static final float LEARNING_RATE = 0.025f;

    private TrajectoryCheck() {}

    /**
     * Runs the check's Java side.
     * @param args {@code --name value} pairs, see the class documentation.
     * @throws IOException If the data cannot be read or the files written.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        ExampleArgs o = new ExampleArgs(args);
        String spaceName = o.get("space", "nas-bench-201");
        boolean darts = spaceName.equals(DartsSearchSpace.NAME);
        Path out = Paths.get(o.get("out", "target/trajectory"));
        int steps = o.getInt("steps", 20);
        int batch = o.getInt("batch", darts ? 32 : 64);
        int channels = o.getInt("channels", 16);
        int depth = o.getInt("depth", darts ? 8 : 1);
        int k = darts ? o.getInt("partial-channels", 4) : 1;
        long seed = o.getInt("seed", 1);
        ImageData data = FashionMnistHead.load(Paths.get(o.get("data", "/usr/share/datasets/fashion-mnist")), 2000);
        Normalization norm = Normalization.fit(data);
        Files.createDirectories(out);

        SearchSpace space = darts ? DartsSearchSpace.builder().searchNetwork(channels, depth).partialChannels(k).build()
                : Nb201SearchSpace.builder().searchNetwork(channels, depth).build();
        SearchConfig config = SearchConfig.gaea(space, SearchSchedule.builder().batchSize(batch).build(), seed, "cpu");
        DjlRuntime.seed(seed);
        Engine engine = DjlRuntime.engine();
        try (NDManager base = engine.newBaseManager(ai.djl.Device.cpu())) {
            Block plain = supernet(config, darts, CellImplementation.PLAIN);
            Shape[] inputs = inputShapes(config, data);
            plain.initialize(base, DataType.FLOAT32, inputs);
            List<Parameter> trained = trainedParameters(plain);
            writeWeights(out, trained);
            Block fused = supernet(config, darts, CellImplementation.FUSED);
            fused.initialize(base, DataType.FLOAT32, inputs);
            copyPlainIntoFused(plain, fused, channels, depth, k);
            int[][][] batches = writeBatches(out, base, data, norm, batch, steps, seed);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("space", spaceName);
            manifest.put("channels", channels);
            manifest.put("depth", depth);
            manifest.put("partial_channels", k);
            manifest.put("edge_weights", darts);
            manifest.put("classes", 10);
            manifest.put("input", List.of(1, 28, 28));
            manifest.put("batch", batch);
            manifest.put("steps", steps);
            manifest.put("seed", seed);
            manifest.put("lr", LEARNING_RATE);
            manifest.put("momentum", config.schedule().sgd().momentum());
            manifest.put("weight_decay", config.schedule().sgd().weightDecay());
            manifest.put("grad_clip", config.schedule().sgd().gradClip());
            manifest.put("arch_lr", config.architecture().learningRate());
            manifest.put("edge_lr", config.architecture().edgeLearningRate());
            manifest.put("djl", DjlRuntime.versions());
            List<Map<String, Object>> names = new ArrayList<>();
            for (Parameter p : trained) {
                names.add(Map.of("name", p.getName(), "shape", p.getArray().getShape().getShape()));
            }
            manifest.put("parameters", names);
            ObjectMapper json = new ObjectMapper();
            json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("manifest.json").toFile(), manifest);
            json.writeValue(out.resolve("java-plain.json").toFile(), run(plain, config, engine, base, data, norm, batches));
            json.writeValue(out.resolve("java-fused.json").toFile(), run(fused, config, engine, base, data, norm, batches));
        }
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static Block supernet(SearchConfig config, boolean darts, CellImplementation cells) {
        SupernetSettings s = config.supernet();
        if (darts) {
            return DartsSearchSpace.reference().newSupernet(s, 10, cells);
        }
        return Nb201Networks.supernet(Nb201Space.withoutNone(), s.channels(), s.depth(), 10, cells);
    }

    private static Shape[] inputShapes(SearchConfig config, ImageData data) {
        int rows = config.space().alphaRows();
        Shape x = new Shape(1, data.shape().channels(), data.shape().height(), data.shape().width());
        Shape alpha = new Shape(rows, config.space().ops().size());
        return config.supernet().edgeWeights() ? new Shape[]{x, alpha, new Shape(rows)} : new Shape[]{x, alpha};
    }

    private static List<Parameter> trainedParameters(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    /** Loads the plain supernet's parameters into the fused one: cells by layout, the rest by name. */
    private static void copyPlainIntoFused(Block plain, Block fused, int channels, int depth, int k) {
        var plainChildren = plain.getChildren();
        var fusedChildren = fused.getChildren();
        int dartsCell = 0;
        int c = channels;
        for (int i = 0; i < plainChildren.size(); i++) {
            Block from = plainChildren.get(i).getValue();
            Block to = fusedChildren.get(i).getValue();
            if (from instanceof SearchCell cell) {
                FusedCellParameters.copy(cell, (FusedSearchCell) to);
            } else if (from instanceof DartsSearchCell cell) {
                boolean reduction = DartsCellLayout.isReduction(dartsCell++, depth);
                c = reduction ? 2 * c : c;
                FusedDartsParameters.copy(FusedDartsParameters.links(cell, (FusedDartsSearchCell) to,
                        DartsSearchSpace.reference().candidateOps(), c, reduction, k));
            } else {
                for (Pair<String, Parameter> p : from.getParameters()) {
                    to.getParameters().get(p.getKey()).getArray().set(p.getValue().getArray().toFloatArray());
                }
            }
        }
    }

    private static void writeWeights(Path out, List<Parameter> trained) throws IOException {
        try (DataOutputStream w = new DataOutputStream(Files.newOutputStream(out.resolve("weights.f32")))) {
            for (Parameter p : trained) {
                w.write(littleEndian(p.getArray().toFloatArray()));
            }
        }
    }

    /** Per step the architecture batch's indices, then the weight batch's; images and labels written. */
    private static int[][][] writeBatches(Path out, NDManager base, ImageData data, Normalization norm, int batch,
                                          int steps, long seed) throws IOException {
        BatchSampler archSampler = new BatchSampler(data.size(), batch, true, seed + 1);
        BatchSampler weightSampler = new BatchSampler(data.size(), batch, true, seed + 2);
        int[][] archEpoch = archSampler.epochBatches();
        int[][] weightEpoch = weightSampler.epochBatches();
        int[][][] batches = new int[steps][][];
        try (DataOutputStream images = new DataOutputStream(Files.newOutputStream(out.resolve("images.f32")));
             DataOutputStream labels = new DataOutputStream(Files.newOutputStream(out.resolve("labels.i32")));
             NDManager m = base.newSubManager()) {
            for (int s = 0; s < steps; s++) {
                int i = s % archEpoch.length;
                if (i == 0 && s > 0) {
                    archEpoch = archSampler.epochBatches();
                    weightEpoch = weightSampler.epochBatches();
                }
                batches[s] = new int[][]{archEpoch[i], weightEpoch[i]};
                for (int[] b : batches[s]) {
                    images.write(littleEndian(BatchFactory.images(m, data, b, norm).toFloatArray()));
                    ByteBuffer y = ByteBuffer.allocate(4 * b.length).order(ByteOrder.LITTLE_ENDIAN);
                    for (int index : b) {
                        y.putInt(data.label(index));
                    }
                    labels.write(y.array());
                }
            }
        }
        return batches;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static Map<String, Object> run(Block supernet, SearchConfig config, Engine engine, NDManager base,
                                           ImageData data, Normalization norm, int[][][] batches) {
        ArchitectureWeights arch = config.newArchitectureWeights();
        List<Map<String, Object>> records = new ArrayList<>();
        try (SgdOptimizer sgd = config.schedule().sgd().newOptimizer(supernet, base)) {
            SearchStep step = new SearchStep(supernet, arch, sgd, engine);
            for (int[][] b : batches) {
                Map<String, Object> record = new LinkedHashMap<>();
                try (NDManager m = base.newSubManager()) {
                    boolean archFinite = step.architectureStep(m, BatchFactory.images(m, data, b[0], norm),
                            BatchFactory.labels(m, data, b[0]));
                    SearchStep.WeightStepResult r = step.weightStep(m, BatchFactory.images(m, data, b[1], norm),
                            BatchFactory.labels(m, data, b[1]), LEARNING_RATE);
                    record.put("arch_finite", archFinite);
                    record.put("weight_finite", r.finite());
                    record.put("loss", r.loss());
                }
                record.put("alpha", arch.alpha());
                if (arch.hasEdgeWeights()) {
                    record.put("beta", arch.beta());
                }
                records.add(record);
            }
        }
        return Map.of("steps", records);
    }
}
