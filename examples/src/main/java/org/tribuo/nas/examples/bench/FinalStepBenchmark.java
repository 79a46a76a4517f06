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
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import org.tribuo.nas.examples.ExampleArgs;
import org.tribuo.nas.nb201.Nb201Genotype;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.loop.SgdOptimizer;

import java.util.Locale;

import static org.tribuo.nas.examples.bench.BenchStats.percentile;

/**
 * Times one final-training step of a NAS-Bench-201 network (the discrete network of a genotype):
 * forward, cross-entropy, backward, SGD with momentum, weight decay and clipping, and reading the
 * loss and the number of correct predictions, as {@code NetworkTrainer} does. Random images
 * made outside the timed region. Prints one JSON line per row; the PyTorch twin is
 * {@code bench/pytorch/nb201_final_step.py} and {@code scripts/bench-final-step.sh} alternates the
 * two. With {@code --profile} the timed steps also run under libtorch's profiler, whose Chrome
 * trace lands in the file ({@code bench/pytorch/profile_summary.py} sums it per op).
 * <pre>
 *   FinalStepBenchmark --genotype G [--channels 16] [--cells 1] [--batch 128] [--input 1x28x28]
 *                      [--steps 20] [--warmup 5] [--seed 1] [--layout channels_last|contiguous]
 *                      [--profile TRACE.json]
 * </pre>
 * {@code --layout} is the network's {@link MemoryLayout} (default: the library's default for final
 * networks, channels-last).
 */
public final class FinalStepBenchmark {

    private FinalStepBenchmark() {}

    /**
     * Runs the benchmark.
     * @param args See the class documentation.
     */
    public static void main(String[] args) {
        DjlRuntime.preferOffline();
        ExampleArgs a = new ExampleArgs(args);
        Nb201Genotype genotype = Nb201Genotype.parse(a.get("genotype",
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"));
        int channels = a.getInt("channels", 16);
        int cells = a.getInt("cells", 1);
        int batch = a.getInt("batch", 128);
        String[] dims = a.get("input", "1x28x28").split("x");
        Shape input = new Shape(batch, Long.parseLong(dims[0]), Long.parseLong(dims[1]), Long.parseLong(dims[2]));
        int steps = a.getInt("steps", 20);
        int warmup = a.getInt("warmup", 5);
        MemoryLayout layout = MemoryLayout.valueOf(a.get("layout", "channels_last").toUpperCase(Locale.ROOT));
        DjlRuntime.seed(a.getInt("seed", 1));
        Engine engine = DjlRuntime.engine();
        Loss loss = Loss.softmaxCrossEntropyLoss();
        double[] millis = new double[steps];
        String profile = a.get("profile", "");
        long faults = 0;
        try (NDManager base = engine.newBaseManager(Device.cpu())) {
            Block network = Nb201Networks.discrete(genotype, channels, cells, 10, layout);
            network.initialize(base, DataType.FLOAT32, input);
            NDArray images = base.randomNormal(input);
            NDArray labels = base.randomInteger(0, 10, new Shape(batch), DataType.INT64);
            try (SgdOptimizer sgd = new SgdOptimizer(network, base, 0.9f, 3e-4f, 5f)) {
                for (int s = 0; s < warmup + steps; s++) {
                    if (s == warmup) {
                        faults = BenchMachine.minorFaults();
                        if (!profile.isEmpty()) {
                            JniUtils.startProfile(false, true, false);
                        }
                    }
                    try (NDManager step = base.newSubManager()) {
                        NDArray x = images.duplicate();
                        x.attach(step);
                        long start = System.nanoTime();
                        NDArray logits;
                        NDArray value;
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            logits = network.forward(new ParameterStore(step, false), new NDList(x), true).singletonOrThrow();
                            value = loss.evaluate(new NDList(labels), new NDList(logits));
                            gc.backward(value);
                        }
                        sgd.step(0.05f);
                        value.getFloat();
                        logits.argMax(1).eq(labels).countNonzero().getLong();
                        if (s >= warmup) {
                            millis[s - warmup] = (System.nanoTime() - start) / 1e6;
                        }
                    }
                }
                faults = BenchMachine.minorFaults() - faults;
                if (!profile.isEmpty()) {
                    JniUtils.stopProfile(profile);
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"side\": \"tribuo-nas\", \"genotype\": \"%s\", \"channels\": %d, \"cells\": %d, "
                        + "\"layout\": \"%s\", \"batch\": %d, \"input\": \"%s\", \"steps\": %d, \"median_ms\": %.2f, \"p10_ms\": %.2f, \"p90_ms\": %.2f, "
                        + "\"minor_faults_per_step\": %d, \"versions\": \"%s\"}%n", genotype, channels, cells,
                layout.name().toLowerCase(Locale.ROOT), batch,
                a.get("input", "1x28x28"), steps, percentile(millis, 50), percentile(millis, 10), percentile(millis, 90),
                faults / steps, DjlRuntime.versions());
    }
}
