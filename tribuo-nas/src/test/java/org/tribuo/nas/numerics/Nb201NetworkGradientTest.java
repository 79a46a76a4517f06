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

package org.tribuo.nas.numerics;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.nas.arch.GumbelSample;
import org.tribuo.nas.arch.GumbelSampler;
import org.tribuo.nas.nb201.Nb201Genotype;
import org.tribuo.nas.nb201.Nb201Networks;
import org.tribuo.nas.nb201.Nb201Op;
import org.tribuo.nas.nb201.Nb201Space;
import org.tribuo.nas.nn.CellImplementation;
import org.tribuo.nas.nn.MemoryLayout;
import org.tribuo.nas.space.OpSelection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NAS-Bench-201 networks compute in float32 what they compute in float64: logits, the gradient
 * of every parameter and the gradient of the architecture weights α of one training-mode forward
 * and backward pass, within {@link NetworkGradientCheck#TOLERANCE} (1e-3 relative; derivation
 * there).
 * <p>
 * Why: libtorch 2.7.1's float32 CPU convolutions return wrong outputs and gradients for many
 * channel widths (among them 3x3 at 4, 8, 12, 20, 24 and 36 channels), which
 * {@link CheckedConvolutions} detects per signature and routes around. A per-convolution check
 * cannot show that every convolution of a network goes through it, nor that the routes compose
 * into correct network gradients; this test compares whole networks against float64 (which runs as
 * called: it is the reference). It covers the supernet with plain and fused cells, with and
 * without the {@code none} op, over the widths C in {4, 8, 12, 16, 20, 24, 36} (stages C, 2C, 4C),
 * the supernet with GDAS sampling (Gumbel straight-through weights, one op per edge), and the final
 * network of a genotype in both memory layouts; with 1 and 2 intra-op threads (the thread count is
 * part of a convolution's signature). Sizes are tiny (batch 2, one 8x8 channel, one cell per stage,
 * 3 classes) to keep the whole set fast.
 */
public class Nb201NetworkGradientTest {

    private static final int BATCH = 2;
    private static final int SIZE = 8;
    private static final int CLASSES = 3;
    private static final Shape X = new Shape(BATCH, 1, SIZE, SIZE);
    private static final Nb201Genotype CELL = Nb201Genotype.parse(
            "|nor_conv_3x3~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_3x3~1|avg_pool_3x3~2|");

    static Stream<Arguments> supernets() {
        List<Arguments> cases = new ArrayList<>();
        for (int c : new int[]{4, 8, 12, 16, 20, 24, 36}) {
            for (CellImplementation cells : CellImplementation.values()) {
                for (boolean none : new boolean[]{false, true}) {
                    cases.add(Arguments.of(c, cells, none, 1));
                }
            }
        }
        // Two threads (another verdict per signature) at widths whose 3x3 convolutions are wrong as called.
        cases.add(Arguments.of(4, CellImplementation.FUSED, true, 2));
        cases.add(Arguments.of(12, CellImplementation.PLAIN, false, 2));
        return cases.stream();
    }

    private static Nb201Space space(boolean none) {
        return none ? Nb201Space.full() : Nb201Space.withoutNone();
    }

    @ParameterizedTest(name = "C={0} {1} none={2} threads={3}")
    @MethodSource("supernets")
    public void supernetMatchesFloat64(int channels, CellImplementation cells, boolean none, int threads) {
        Nb201Space space = space(none);
        Shape alpha = new Shape(Nb201Space.NUM_EDGES, space.numOps());
        SplittableRandom rng = new SplittableRandom(1000 + channels);
        List<Leaf> leaves = List.of(Leaf.normal("x", X, rng), Leaf.simplex("α", alpha, null, rng));
        NetworkGradientCheck.withThreads(threads, () -> {
            GradientResult result = NetworkGradientCheck.compare(
                    "NB201 supernet C=" + channels + " " + cells + " " + space + " " + threads + "t", 1000 + channels,
                    () -> Nb201Networks.supernet(space, channels, 1, CLASSES, cells),
                    new Shape[]{X, alpha}, leaves).assertAgrees();
            assertTrue(result.zeroGradients().isEmpty(), "every op runs, so every parameter learns: "
                    + result.zeroGradients());
        });
    }

    static Stream<Arguments> sampled() {
        return Stream.of(Arguments.of(12, CellImplementation.PLAIN, 1), Arguments.of(12, CellImplementation.FUSED, 1),
                Arguments.of(24, CellImplementation.PLAIN, 1), Arguments.of(24, CellImplementation.FUSED, 2));
    }

    /**
     * GDAS: α (here directly the mixing weights, as with the exponentiated-gradient geometry) goes
     * through the Gumbel straight-through hard weights of a sample, and the supernet runs only the
     * sampled op of every edge, as {@code SearchStep} does. The noise is drawn by
     * {@link GumbelSampler}; the sampled ops are fixed (the straight-through gradient holds for any
     * index) so that every op kind runs: with a random draw of only pools and {@code none}, the
     * batch norms after the cells make the loss invariant to α and its gradient is rounding noise.
     */
    @ParameterizedTest(name = "C={0} {1} threads={2}")
    @MethodSource("sampled")
    public void gdasSupernetMatchesFloat64(int channels, CellImplementation cells, int threads) {
        Nb201Space space = Nb201Space.full();
        Shape alphaShape = new Shape(Nb201Space.NUM_EDGES, space.numOps());
        SplittableRandom rng = new SplittableRandom(2000 + channels);
        Leaf alpha = Leaf.simplex("α", alphaShape, null, rng);
        List<Leaf> leaves = List.of(Leaf.normal("x", X, rng), alpha);
        int[] ops = {op(space, Nb201Op.NOR_CONV_3X3), op(space, Nb201Op.NOR_CONV_1X1), op(space, Nb201Op.SKIP_CONNECT),
            op(space, Nb201Op.NOR_CONV_3X3), op(space, Nb201Op.AVG_POOL_3X3), op(space, Nb201Op.NONE)};
        GumbelSample sample = new GumbelSample(GumbelSampler.sample(rows(alpha), new SplittableRandom(channels)).noise(), ops);
        NetworkGradientCheck.withThreads(threads, () -> NetworkGradientCheck.compare(
                "NB201 GDAS supernet C=" + channels + " " + cells + " " + threads + "t", 2000 + channels,
                () -> Nb201Networks.supernet(space, channels, 1, CLASSES, cells),
                new Shape[]{X, alphaShape}, leaves,
                in -> new NDList(in.get(0), GumbelSampler.hardWeights(in.get(1), sample, 1f)),
                OpSelection.sampled(sample.index()).params()).assertAgrees());
    }

    private static int op(Nb201Space space, Nb201Op op) {
        return space.ops().indexOf(op);
    }

    static Stream<Arguments> finalNetworks() {
        List<Arguments> cases = new ArrayList<>();
        for (int c : new int[]{12, 24}) {
            for (MemoryLayout layout : MemoryLayout.values()) {
                cases.add(Arguments.of(c, layout, 1));
            }
        }
        cases.add(Arguments.of(12, MemoryLayout.CONTIGUOUS, 2));
        cases.add(Arguments.of(12, MemoryLayout.CHANNELS_LAST, 2));
        return cases.stream();
    }

    @ParameterizedTest(name = "C={0} {1} threads={2}")
    @MethodSource("finalNetworks")
    public void finalNetworkMatchesFloat64(int channels, MemoryLayout layout, int threads) {
        SplittableRandom rng = new SplittableRandom(3000 + channels);
        List<Leaf> leaves = List.of(Leaf.normal("x", X, rng));
        NetworkGradientCheck.withThreads(threads, () -> {
            GradientResult result = NetworkGradientCheck.compare(
                    "NB201 network C=" + channels + " " + layout + " " + threads + "t", 3000 + channels,
                    () -> Nb201Networks.discrete(CELL, channels, 1, CLASSES, layout), new Shape[]{X}, leaves)
                    .assertAgrees();
            assertTrue(result.zeroGradients().isEmpty(), "every parameter learns: " + result.zeroGradients());
        });
    }

    static float[][] rows(Leaf leaf) {
        int cols = Math.toIntExact(leaf.shape().get(1));
        float[][] out = new float[leaf.values().length / cols][cols];
        for (int r = 0; r < out.length; r++) {
            System.arraycopy(leaf.values(), r * cols, out[r], 0, cols);
        }
        return out;
    }
}
