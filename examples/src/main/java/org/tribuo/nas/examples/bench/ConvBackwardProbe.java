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
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import org.tribuo.nas.runtime.DjlRuntime;

import java.util.Arrays;
import java.util.Locale;

/**
 * Probes libtorch's CPU 3×3 convolution backward (the known issue in docs/known-issues.md): for
 * each channel count and batch, the same ReLU-convolution with the same input and weights is
 * differentiated {@code --reps} times, and the table counts repetitions whose input gradient is
 * non-finite, repetitions whose input gradient differs from the first one (bitwise), and the
 * largest relative error of a finite input gradient against the same computation in float64.
 * <pre>scripts/run-bench.sh org.tribuo.nas.examples.bench.ConvBackwardProbe --reps 10</pre>
 */
public final class ConvBackwardProbe {

    private static final int[] CHANNELS = {4, 8, 12, 16, 24, 32, 48, 64};
    private static final int[] BATCHES = {2, 32};
    private static final int SIZE = 14;

    private ConvBackwardProbe() {}

    /**
     * Runs the probe.
     * @param args {@code --reps N} (default 10).
     */
    public static void main(String[] args) {
        DjlRuntime.preferOffline();
        int reps = args.length == 2 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 10;
        Engine engine = DjlRuntime.engine();
        System.out.printf(Locale.ROOT, "libtorch %s, intra-op threads %d, ONEDNN_MAX_CPU_ISA=%s, DNNL_MAX_CPU_ISA=%s, %d repetitions%n",
                engine.getVersion(), JniUtils.getNumThreads(), System.getenv("ONEDNN_MAX_CPU_ISA"),
                System.getenv("DNNL_MAX_CPU_ISA"), reps);
        System.out.println("| channels | batch | non-finite input gradients | input gradients differing from the first | max relative error vs float64 |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int c : CHANNELS) {
            for (int b : BATCHES) {
                probe(engine, c, b, reps);
            }
        }
    }

    private static void probe(Engine engine, int channels, int batch, int reps) {
        float[] input;
        float[] weight;
        try (NDManager m = NDManager.newBaseManager()) {
            engine.setRandomSeed(1);
            input = m.randomNormal(new Shape(batch, channels, SIZE, SIZE)).toFloatArray();
            weight = m.randomNormal(new Shape(channels, channels, 3, 3)).mul(0.1f).toFloatArray();
        }
        double[] reference = inputGradient(engine, input, weight, batch, channels, DataType.FLOAT64);
        float[] first = null;
        int nonFinite = 0;
        int differing = 0;
        double maxError = 0;
        for (int r = 0; r < reps; r++) {
            double[] g = inputGradient(engine, input, weight, batch, channels, DataType.FLOAT32);
            float[] f = new float[g.length];
            boolean finite = true;
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < g.length; i++) {
                f[i] = (float) g[i];
                finite &= Double.isFinite(g[i]);
                diff = Math.max(diff, Math.abs(g[i] - reference[i]));
                norm = Math.max(norm, Math.abs(reference[i]));
            }
            if (!finite) {
                nonFinite++;
            } else {
                maxError = Math.max(maxError, diff / norm);
            }
            if (first == null) {
                first = f;
            } else if (!Arrays.equals(first, f)) {
                differing++;
            }
        }
        System.out.printf(Locale.ROOT, "| %d | %d | %d/%d | %d/%d | %.2e |%n", channels, batch, nonFinite, reps, differing,
                reps - 1, maxError);
    }

    /** d(Σ conv(relu(x))²)/dx for a 3×3 convolution with padding 1 and no bias. */
    private static double[] inputGradient(Engine engine, float[] input, float[] weight, int batch, int channels,
                                          DataType type) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(input, new Shape(batch, channels, SIZE, SIZE)).toType(type, false);
            NDArray w = m.create(weight, new Shape(channels, channels, 3, 3)).toType(type, false);
            x.setRequiresGradient(true);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x.maximum(0f), w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                        .singletonOrThrow();
                gc.backward(y.mul(y).sum());
            }
            return x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }
}
