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

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.arch.ArchitectureWeights;
import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.data.BatchFactory;
import org.tribuo.nas.data.BatchSampler;
import org.tribuo.nas.data.ImageData;
import org.tribuo.nas.data.ImageShape;
import org.tribuo.nas.data.ImageTensorizer;
import org.tribuo.nas.data.Normalization;
import org.tribuo.nas.search.ReferenceSettings;
import org.tribuo.nas.search.SearchStep;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.nb201.Nb201Network;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.runtime.Devices;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Memory soak: runs many GAEA search steps (architecture step + weight step) on Fashion-MNIST
 * images and samples the process's resident memory (VmRSS) and the live native arrays, then
 * prints a table (with the JVM's direct buffers, where DJL stages array data) and the least-squares
 * slope of the resident memory after warm-up, in MB per 1000 steps. Flat memory means a slope near
 * 0. Usage:
 * <pre>
 *   SoakBenchmark [--steps 1000] [--every 50] [--warmup 100] [--channels 16] [--cells 1] [--batch 64]
 *                 [--data DIR (Fashion-MNIST IDX files; default the test fixture)]
 * </pre>
 */
public final class SoakBenchmark {

    private SoakBenchmark() {}

    private record Sample(int step, double rssMb, double heapMb, double directMb, int liveArrays, double seconds) {}

    /**
     * Runs the soak.
     * @param args See the class documentation.
     * @throws IOException If the data cannot be read.
     */
    public static void main(String[] args) throws IOException {
        DjlRuntime.preferOffline();
        int steps = intArg(args, "--steps", 1000);
        int every = intArg(args, "--every", 50);
        int warmup = intArg(args, "--warmup", 100);
        int channels = intArg(args, "--channels", 16);
        int cells = intArg(args, "--cells", 1);
        int batch = intArg(args, "--batch", 64);
        Path dir = Paths.get(stringArg(args, "--data", "tribuo-nas/src/test/resources/fixtures/fashion-mnist"));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> train = new MutableDataset<>(new IDXDataSource<>(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), factory));
        ImageData data = new ImageTensorizer(new ImageShape(1, 28, 28)).tensorize(train, train.getOutputIDInfo());
        Normalization norm = Normalization.fit(data);
        int classes = train.getOutputIDInfo().size();

        Engine engine = DjlRuntime.engine();
        NDManager system;
        try (NDManager probe = engine.newBaseManager()) {
            system = probe.getParentManager();
        }
        Nb201Space space = Nb201Space.withoutNone();
        List<Sample> samples = new ArrayList<>();
        DjlRuntime.seed(1);
        long start = System.nanoTime();
        try (NDManager base = engine.newBaseManager(Devices.resolve("cpu"))) {
            Nb201Network supernet = Nb201Networks.supernet(space, channels, cells, classes);
            supernet.initialize(base, DataType.FLOAT32, new Shape(1, 1, 28, 28), new Shape(Nb201Space.NUM_EDGES, space.numOps()));
            ExponentiatedGradient arch = new ExponentiatedGradient(Nb201Space.NUM_EDGES, space.numOps(),
                    ReferenceSettings.named("GAEA DARTS").archLearningRate());
            try (SgdOptimizer sgd = new SgdOptimizer(supernet, base, 0.9f, 3e-4f, 5f)) {
                SearchStep step = new SearchStep(supernet, new ArchitectureWeights(arch, java.util.List.of()), sgd, engine);
                BatchSampler archSampler = new BatchSampler(data.size(), batch, true, 2);
                BatchSampler weightSampler = new BatchSampler(data.size(), batch, true, 3);
                int[][] archEpoch = archSampler.epochBatches();
                int[][] weightEpoch = weightSampler.epochBatches();
                for (int i = 0; i < steps; i++) {
                    int b = i % archEpoch.length;
                    if (b == 0 && i > 0) {
                        archEpoch = archSampler.epochBatches();
                        weightEpoch = weightSampler.epochBatches();
                    }
                    try (NDManager m = base.newSubManager()) {
                        step.architectureStep(m, BatchFactory.images(m, data, archEpoch[b], norm),
                                BatchFactory.labels(m, data, archEpoch[b]));
                    }
                    try (NDManager m = base.newSubManager()) {
                        step.weightStep(m, BatchFactory.images(m, data, weightEpoch[b], norm),
                                BatchFactory.labels(m, data, weightEpoch[b]), 0.025f);
                    }
                    if ((i + 1) % every == 0 || i == 0) {
                        samples.add(new Sample(i + 1, MemoryProbe.residentMegabytes(), MemoryProbe.heapMegabytes(), MemoryProbe.directMegabytes(),
                                system.getManagedArrays().size(), (System.nanoTime() - start) / 1e9));
                        System.err.printf(Locale.ROOT, "[soak] step %d: RSS %.1f MB%n", i + 1, samples.get(samples.size() - 1).rssMb());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Memory soak: %d search steps (architecture + weight), C=%d N=%d B=%d, 1x28x28 "
                + "Fashion-MNIST, %s, CPU%n%n", steps, channels, cells, batch, DjlRuntime.versions());
        System.out.println("| step | resident MB | JVM heap committed MB | resident − heap MB | direct buffers MB | live native arrays | seconds |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (Sample s : samples) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %d | %.0f |%n", s.step(), s.rssMb(), s.heapMb(),
                    s.rssMb() - s.heapMb(), s.directMb(), s.liveArrays(), s.seconds());
        }
        List<Sample> steady = samples.stream().filter(s -> s.step() > warmup).toList();
        List<Sample> secondHalf = samples.stream().filter(s -> s.step() > steps / 2).toList();
        System.out.printf(Locale.ROOT, "%nResident memory slope after step %d: %+.2f MB per 1000 steps (least squares over %d "
                + "samples); over the second half (steps %d-%d): %+.2f MB per 1000 steps; resident − heap over the second "
                + "half: %+.2f MB per 1000 steps.%n", warmup, 1000 * MemoryProbe.slope(steady, Sample::step, Sample::rssMb), steady.size(), steps / 2,
                steps, 1000 * MemoryProbe.slope(secondHalf, Sample::step, Sample::rssMb), 1000 * MemoryProbe.slope(secondHalf, Sample::step, x -> x.rssMb() - x.heapMb()));
        System.out.printf(Locale.ROOT, "Live native arrays %s.%n",
                steady.stream().mapToInt(Sample::liveArrays).distinct().count() == 1 ? "constant at " + steady.get(0).liveArrays()
                        : "varying " + steady.stream().mapToInt(Sample::liveArrays).summaryStatistics());
    }



    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
