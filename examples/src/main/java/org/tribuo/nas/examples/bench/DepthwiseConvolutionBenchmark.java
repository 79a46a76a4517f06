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
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

import org.tribuo.nas.nn.DepthwiseConvolution;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times one depthwise convolution, forward + backward (input and kernel gradients), as
 * {@code Conv2d.conv2d} runs it ("direct") and as {@link DepthwiseConvolution} rewrites it, on
 * the shapes of the DARTS-space supernet (batch 32, C=16, K=4: 4 to 128 channels, 32x32 down to
 * 7x7 maps), and prints a markdown table of medians. It is the measurement behind the size
 * thresholds of {@link DepthwiseConvolution}.
 * <pre>
 *   scripts/bench-depthwise.sh [--repeats 31] [--warmup 5]
 * </pre>
 */
public final class DepthwiseConvolutionBenchmark {

    /** One convolution: input [B, C, H, W], square kernel k, stride, dilation. */
    private record Case(long batch, long channels, long height, long width, int kernel, int stride, int dilation) {
        String label() {
            return String.format(Locale.ROOT, "[%d, %d, %d, %d] k=%d s=%d d=%d", batch, channels, height, width, kernel,
                    stride, dilation);
        }
    }

    private static final Case[] CASES = {
            // dil_conv_3x3 / dil_conv_5x5: polyphase at stride 1, strided sampling at stride 2.
            new Case(32, 32, 32, 32, 3, 1, 2), new Case(32, 32, 32, 32, 5, 1, 2),
            new Case(32, 64, 16, 16, 3, 1, 2), new Case(32, 64, 16, 16, 5, 1, 2),
            new Case(32, 64, 14, 14, 5, 1, 2), new Case(32, 128, 8, 8, 3, 1, 2),
            new Case(32, 128, 8, 8, 5, 1, 2), new Case(32, 16, 7, 7, 3, 1, 2),
            new Case(32, 64, 32, 32, 3, 2, 2), new Case(32, 64, 32, 32, 5, 2, 2),
            // sep_conv_5x5: column split (stride 1 and 2).
            new Case(32, 32, 32, 32, 5, 1, 1), new Case(32, 12, 32, 32, 5, 1, 1),
            new Case(32, 32, 28, 28, 5, 1, 1), new Case(32, 64, 16, 16, 5, 1, 1),
            new Case(32, 24, 16, 16, 5, 1, 1), new Case(32, 128, 8, 8, 5, 1, 1),
            new Case(32, 16, 8, 8, 5, 1, 1), new Case(32, 64, 32, 32, 5, 2, 1), new Case(32, 128, 16, 16, 5, 2, 1),
    };

    private DepthwiseConvolutionBenchmark() {}

    /**
     * Runs the benchmark.
     * @param args {@code --repeats n} (default 31) and {@code --warmup n} (default 5).
     */
    public static void main(String[] args) {
        int repeats = 31;
        int warmup = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--repeats, --warmup)");
            }
        }
        if (args.length % 2 != 0 || repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("usage: DepthwiseConvolutionBenchmark [--repeats 31] [--warmup 5]");
        }
        Engine engine = DjlRuntime.engine();
        DjlRuntime.seed(1);
        System.out.printf(Locale.ROOT, "# Depthwise convolution, forward + backward: direct vs DepthwiseConvolution%n%n"
                + "- %s, %s intra-op threads, median of %d after %d warm-up, the two interleaved%n%n"
                + "| convolution | direct ms | rewritten ms | rewritten / direct | max output difference |%n"
                + "|---|---:|---:|---:|---:|%n", DjlRuntime.versions(), System.getProperty("ai.djl.pytorch.num_threads", "?"),
                repeats, warmup);
        try (NDManager base = engine.newBaseManager()) {
            for (Case c : CASES) {
                NDArray x = base.randomNormal(new Shape(c.batch, c.channels, c.height, c.width));
                NDArray w = base.randomNormal(new Shape(c.channels, 1, c.kernel, c.kernel));
                double[] direct = new double[repeats];
                double[] rewritten = new double[repeats];
                for (int i = 0; i < warmup + repeats; i++) {
                    // Alternate which variant goes first, so that drifts of the machine hit both.
                    boolean directFirst = i % 2 == 0;
                    double a = directFirst ? time(base, c, x, w, true) : 0;
                    double b = time(base, c, x, w, false);
                    if (!directFirst) {
                        a = time(base, c, x, w, true);
                    }
                    if (i >= warmup) {
                        direct[i - warmup] = a;
                        rewritten[i - warmup] = b;
                    }
                }
                double difference;
                try (NDManager m = base.newSubManager();
                     GradientCollector gc = m.getEngine().newGradientCollector()) {
                    // With a kernel gradient wanted, as in the timed runs (the column split depends on it).
                    NDArray kernel = w.duplicate();
                    kernel.attach(m);
                    kernel.setRequiresGradient(true);
                    difference = run(c, x, kernel, true).sub(run(c, x, kernel, false)).abs().max().getFloat();
                }
                double d = median(direct);
                double r = median(rewritten);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1e |%n", c.label(), d, r, r / d, difference);
            }
        }
    }

    private static NDArray run(Case c, NDArray x, NDArray w, boolean direct) {
        if (!direct) {
            return DepthwiseConvolution.depthwise(x, w, c.stride, c.dilation);
        }
        long padding = (long) c.dilation * (c.kernel - 1) / 2;
        return Conv2d.conv2d(x, w, null, new Shape(c.stride, c.stride), new Shape(padding, padding),
                new Shape(c.dilation, c.dilation), (int) c.channels).singletonOrThrow();
    }

    /** One forward + backward (loss = Σ out) with gradients for the input and the kernel, in ms. */
    private static double time(NDManager base, Case c, NDArray x0, NDArray w0, boolean direct) {
        try (NDManager m = base.newSubManager()) {
            NDArray x = x0.duplicate();
            NDArray w = w0.duplicate();
            x.attach(m);
            w.attach(m);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            long start = System.nanoTime();
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(run(c, x, w, direct).sum());
            }
            // Reading one value waits for nothing on CPU, but keeps the gradients live until here.
            x.getGradient().getFloat(0, 0, 0, 0);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
