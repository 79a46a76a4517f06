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

package org.tribuo.nas.examples.space;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.SupernetSettings;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The networks of the user-written {@link ChainCellSpace} compute in float32 what they compute in
 * float64: logits, the gradient of every parameter and, for the supernet, of α, of one
 * training-mode forward and backward pass, within 1e-3 relative ({@code max |float32 − float64| /
 * max |float64|} per tensor).
 * <p>
 * Why: the space's 5x5 and dilated 3x3 convolutions are built from tribuo-nas's checked
 * convolution block, outside tribuo-nas; libtorch 2.7.1's float32 CPU convolutions are wrong for
 * many channel widths, and this shows the check reaches a user's space too. The tolerance is
 * tribuo-nas's network gradient tests' ({@code NetworkGradientCheck} in tribuo-nas's tests, whose
 * comparison this repeats in brief, as test classes are not shared between modules): float32
 * rounds each operation by at most 6e-8, sums of up to ~10^3 terms through ~10 layers give at most
 * ~1e-3 and typically 1e-5; a wrong convolution gives errors of order 1. Both instances of a
 * network hold the same float32-representable weights (the reference is initialized in float64
 * from a fixed seed and rounded), and the inputs and probes are float32 values drawn in Java.
 * Tiny sizes: batch 2, one 8x8 channel, 2 cells, 3 classes; C in {12, 24}; 1 and 2 threads.
 */
public class ChainCellNetworkGradientTest {

    private static final double TOLERANCE = 1e-3;
    /** A float64 parameter gradient below this fraction of the largest is zero but for rounding. */
    private static final double NEGLIGIBLE = 1e-9;
    private static final int CLASSES = 3;
    private static final Shape X = new Shape(2, 1, 8, 8);
    private static final ChainCellSpace SPACE = new ChainCellSpace();

    @ParameterizedTest(name = "C={0} threads={1}")
    @CsvSource({"12, 1", "24, 1", "24, 2"})
    public void supernetMatchesFloat64(int channels, int threads) {
        Shape alpha = new Shape(ChainCellSpace.EDGES, SPACE.ops().size());
        SplittableRandom rng = new SplittableRandom(9000 + channels);
        float[] x = normal(rng, X.size());
        float[] a = new float[Math.toIntExact(alpha.size())];
        for (int row = 0; row < alpha.get(0); row++) {
            double sum = 0;
            for (int k = 0; k < alpha.get(1); k++) {
                sum += a[(int) (row * alpha.get(1) + k)] = (float) (0.1 + rng.nextDouble());
            }
            for (int k = 0; k < alpha.get(1); k++) {
                a[(int) (row * alpha.get(1) + k)] /= (float) sum;
            }
        }
        compare("chain-cell supernet C=" + channels + " " + threads + "t", 9000 + channels, threads,
                () -> SPACE.newSupernet(SupernetSettings.plain(channels, 2), CLASSES),
                new Shape[]{X, alpha}, List.of(x, a), true);
    }

    @ParameterizedTest(name = "C={0} threads={1}")
    @CsvSource({"12, 1", "24, 1", "24, 2"})
    public void networkMatchesFloat64(int channels, int threads) {
        float[] x = normal(new SplittableRandom(9500 + channels), X.size());
        compare("chain-cell network C=" + channels + " " + threads + "t", 9500 + channels, threads,
                () -> SPACE.newNetwork(ChainGenotype.parse("conv_5x5,dil_conv_3x3,max_pool_3x3"),
                        new NetworkSettings(channels, 2, false), CLASSES),
                new Shape[]{X}, List.of(x), false);
    }

    /** One pass in float64 and float32 from the same float32 weights and inputs; asserts every tensor agrees. */
    private static void compare(String what, long seed, int threads, Supplier<Block> network, Shape[] shapes,
                                List<float[]> inputs, boolean alphaGradient) {
        DjlRuntime.engine();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            DjlRuntime.seed(seed);
            Block reference = network.get();
            reference.initialize(m, DataType.FLOAT64, shapes);
            Block single = network.get();
            single.initialize(m, DataType.FLOAT32, shapes);
            PairList<String, Parameter> refParams = reference.getParameters();
            PairList<String, Parameter> params = single.getParameters();
            assertEquals(refParams.keys(), params.keys());
            for (int i = 0; i < refParams.size(); i++) {
                NDArray r = refParams.get(i).getValue().getArray();
                float[] rounded = r.toType(DataType.FLOAT32, false).toFloatArray();
                params.get(i).getValue().getArray().set(rounded);
                r.set(r.toType(DataType.FLOAT32, false).toType(DataType.FLOAT64, false).toDoubleArray());
            }
            NDList refOut = new NDList();
            NDList out = new NDList();
            NDArray refAlpha = pass(m, reference, DataType.FLOAT64, shapes, inputs, alphaGradient, seed, refOut);
            NDArray alpha = pass(m, single, DataType.FLOAT32, shapes, inputs, alphaGradient, seed, out);

            List<String> failures = new ArrayList<>();
            double worst = check("logits", out.head(), refOut.head(), 0, failures);
            if (alphaGradient) {
                assertTrue(refAlpha.abs().max().toType(DataType.FLOAT64, false).getDouble() > 0, what + ": dL/dα is zero");
                worst = Math.max(worst, check("dL/dα", alpha, refAlpha, 0, failures));
            }
            double largest = 0;
            for (int i = 0; i < refParams.size(); i++) {
                if (refParams.get(i).getValue().requiresGradient()) {
                    largest = Math.max(largest, refParams.get(i).getValue().getArray().getGradient().abs().max()
                            .toType(DataType.FLOAT64, false).getDouble());
                }
            }
            assertTrue(largest > 0, what + ": no parameter gradient");
            for (int i = 0; i < refParams.size(); i++) {
                Parameter p = refParams.get(i).getValue();
                if (p.requiresGradient()) {
                    worst = Math.max(worst, check("dL/d" + refParams.get(i).getKey(),
                            params.get(i).getValue().getArray().getGradient(), p.getArray().getGradient(), largest, failures));
                }
            }
            System.out.printf(Locale.ROOT, "[ChainCellNetworkGradientTest] %s: worst relative error %.2e%n", what, worst);
            assertTrue(failures.isEmpty(), what + ": differs from float64 by more than " + TOLERANCE + ":\n  "
                    + String.join("\n  ", failures));
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** Forward and backward of Σ logits ⊙ probe; returns dL/dα (or null) and puts the logits in {@code out}. */
    private static NDArray pass(NDManager m, Block net, DataType type, Shape[] shapes, List<float[]> inputs,
                                boolean alphaGradient, long seed, NDList out) {
        NDList arrays = new NDList();
        for (int i = 0; i < inputs.size(); i++) {
            arrays.add(m.create(inputs.get(i), shapes[i]).toType(type, false));
        }
        if (alphaGradient) {
            arrays.get(1).setRequiresGradient(true);
        }
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            NDArray logits = net.forward(new ParameterStore(m, false), arrays, true).singletonOrThrow();
            float[] probe = normal(new SplittableRandom(seed + 1), logits.getShape().size());
            gc.backward(logits.mul(m.create(probe, logits.getShape()).toType(type, false)).sum());
            out.add(logits);
        }
        return alphaGradient ? arrays.get(1).getGradient() : null;
    }

    /** max |a − ref| / max |ref| (or / {@code largest} for a gradient zero but for float64 rounding). */
    private static double check(String name, NDArray candidate, NDArray reference, double largest, List<String> failures) {
        double[] a = candidate.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] r = reference.toType(DataType.FLOAT64, false).toDoubleArray();
        double diff = 0;
        double scale = 0;
        boolean finite = true;
        for (int i = 0; i < a.length; i++) {
            finite &= Double.isFinite(a[i]);
            diff = Math.max(diff, Math.abs(a[i] - r[i]));
            scale = Math.max(scale, Math.abs(r[i]));
        }
        double denominator = scale <= NEGLIGIBLE * largest ? largest : scale;
        double relative = !finite ? Double.POSITIVE_INFINITY : denominator == 0 ? diff : diff / denominator;
        if (!(relative <= TOLERANCE)) {
            failures.add(String.format(Locale.ROOT, "%s: relative %.2e (max |diff| %.2e, max |ref| %.2e)", name, relative,
                    diff, scale));
        }
        return relative;
    }

    private static float[] normal(SplittableRandom rng, long n) {
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
        }
        return v;
    }
}
