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


package org.tribuo.nas.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tribuo.nas.darts.FusedDartsParameters.Link;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.runtime.DjlRuntime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FusedDartsSearchCell} computes what {@link DartsSearchCell} computes: with the plain
 * cell's weights copied into the fused layout, outputs, gradients (cell inputs, α, β, every
 * kernel) and batch-norm running statistics agree within float rounding, for normal and
 * reduction cells, with and without partial channels and edge weights, with all ops or one
 * sampled op per edge, and in inference mode.
 * <p>
 * Weights and inputs are seeded. Every convolution has at least 16 input and output channels
 * (C=64, K ≤ 4), as libtorch's float32 CPU convolutions have returned wrong input gradients for
 * narrower shapes (docs/known-issues.md). Float32 rounding is amplified on some random draws: of
 * 12 weight seeds, one gave a 7e-4 relative difference in dL/ds1 of the K=1 cell, the others
 * below 2e-5. In float64 the two cells agreed to 1e-15 relative on every tensor (checked by hand;
 * not the default, since libtorch then logs an NNPACK warning for every convolution).
 */
public class FusedDartsSearchCellTest {

    /**
     * Max |fused − plain| / max |plain| per compared tensor: float32 rounding of sums over whole
     * feature maps in different orders (the sampled path's dL/dα of unsampled ops sums ~8k terms:
     * 1.1e-5); a misplaced weight or channel block gives errors of order 1.
     */
    private static final double TOLERANCE = 5e-5;
    private static final DataType TYPE = DataType.FLOAT32;
    private static final int BATCH = 2;
    private static final int CHANNELS = 64;
    private static final int SIZE = 8;
    private static final List<DartsOp> ALL_OPS = List.of(DartsOp.values());

    private static final Map<String, double[]> WORST = new TreeMap<>();

    private record Cells(DartsSearchCell plain, FusedDartsSearchCell fused, List<Link> links, Shape[] shapes) {}

    private static Cells cells(NDManager m, List<DartsOp> ops, boolean reduction, boolean reductionPrev, int k,
                               boolean beta, int seed) {
        m.getEngine().setRandomSeed(seed);
        DartsSearchCell plain = new DartsSearchCell(ops, CHANNELS, reduction, reductionPrev, k);
        FusedDartsSearchCell fused = new FusedDartsSearchCell(ops, CHANNELS, reduction, reductionPrev, k);
        int size0 = reductionPrev ? 2 * SIZE : SIZE;
        Shape s0 = new Shape(BATCH, 32, size0, size0);
        Shape s1 = new Shape(BATCH, 48, SIZE, SIZE);
        Shape alpha = new Shape(DartsCellLayout.ALPHA_ROWS, ops.size());
        Shape[] shapes = beta ? new Shape[]{s0, s1, alpha, new Shape(DartsCellLayout.ALPHA_ROWS)}
                : new Shape[]{s0, s1, alpha};
        plain.initialize(m, TYPE, shapes);
        fused.initialize(m, TYPE, shapes);
        List<Link> links = FusedDartsParameters.links(plain, fused, ops, CHANNELS, reduction, k);
        FusedDartsParameters.copy(links);
        return new Cells(plain, fused, links, shapes);
    }

    /** The output and input gradients of one forward and backward pass. */
    private record Pass(NDArray out, NDList inputGradients) {}

    private static Pass pass(NDManager m, Block cell, NDList inputs0, NDArray probe, boolean training, OpSelection selection) {
        NDList inputs = new NDList();
        for (NDArray x : inputs0) {
            NDArray copy = x.duplicate();
            copy.setRequiresGradient(true);
            inputs.add(copy);
        }
        NDArray out;
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            out = cell.forward(new ParameterStore(m, false), inputs, training, selection.params()).singletonOrThrow();
            gc.backward(out.mul(probe).sum());
        }
        NDList grads = new NDList();
        for (NDArray x : inputs) {
            grads.add(x.getGradient());
        }
        return new Pass(out, grads);
    }

    private static void assertClose(NDArray fused, NDArray plain, String kind, String what) {
        assertEquals(plain.getShape(), fused.getShape(), what + " shape");
        double[] f = fused.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] p = plain.toType(DataType.FLOAT64, false).toDoubleArray();
        double scale = 0;
        double abs = 0;
        for (int i = 0; i < p.length; i++) {
            assertTrue(Double.isFinite(f[i]), what + ": non-finite fused value");
            scale = Math.max(scale, Math.abs(p[i]));
            abs = Math.max(abs, Math.abs(f[i] - p[i]));
        }
        double rel = scale == 0 ? abs : abs / scale;
        double[] worst = WORST.computeIfAbsent(kind, x -> new double[2]);
        worst[0] = Math.max(worst[0], abs);
        worst[1] = Math.max(worst[1], rel);
        assertTrue(rel <= TOLERANCE, String.format(Locale.ROOT, "%s: max abs diff %.3g, relative %.3g", what, abs, rel));
    }

    private static NDList inputs(NDManager m, Shape[] shapes, long seed) {
        m.getEngine().setRandomSeed((int) seed);
        NDList inputs = new NDList(m.randomNormal(shapes[0]).toType(TYPE, false), m.randomNormal(shapes[1]).toType(TYPE, false));
        // Weights on the simplex-ish scale of the search, distinct per entry so a swapped row would show.
        inputs.add(m.randomUniform(0.05f, 1f, shapes[2]).toType(TYPE, false));
        if (shapes.length > 3) {
            inputs.add(m.randomUniform(0.2f, 1f, shapes[3]).toType(TYPE, false));
        }
        return inputs;
    }

    /** Forward and backward through both cells; every output, gradient and running statistic compared. */
    /** Seeds the weights and inputs. */
    private static final int SEED = 3;

    private static void assertSameFunction(List<DartsOp> ops, boolean reduction, boolean reductionPrev, int k,
                                           boolean beta, int[] sampled, String what) {
        try (NDManager m = NDManager.newBaseManager()) {
            Cells cells = cells(m, ops, reduction, reductionPrev, k, beta, SEED);
            NDList inputs = inputs(m, cells.shapes, 11);
            for (boolean training : new boolean[]{true, false}) {
                OpSelection selection = sampled == null ? OpSelection.ALL : OpSelection.sampled(sampled);
                Shape outShape = cells.plain.getOutputShapes(cells.shapes)[0];
                NDArray probe = m.randomNormal(outShape).toType(TYPE, false);
                Pass plain = pass(m, cells.plain, inputs, probe, training, selection);
                Pass fused = pass(m, cells.fused, inputs, probe, training, selection);
                String mode = what + (training ? " (training)" : " (inference)");
                assertClose(fused.out, plain.out, "output", mode + " output");
                String[] names = {"dL/ds0", "dL/ds1", "dL/dα", "dL/dβ"};
                for (int i = 0; i < inputs.size(); i++) {
                    assertClose(fused.inputGradients.get(i), plain.inputGradients.get(i), names[i], mode + " " + names[i]);
                }
                for (Link link : cells.links) {
                    NDArray plainValue = link.plain().getArray();
                    NDArray fusedValue = link.fusedPart(link.fused().getArray());
                    if (link.plain().requiresGradient()) {
                        assertClose(link.fusedPart(link.fused().getArray().getGradient()), plainValue.getGradient(),
                                "dL/dkernel", mode + " d/d " + link.name());
                    } else {
                        assertClose(fusedValue, plainValue, "running statistics", mode + " " + link.name());
                    }
                }
            }
        }
    }

    @Test
    public void normalCellWithPartialChannelsAndEdgeWeights() {
        assertSameFunction(ALL_OPS, false, false, 4, true, null, "normal K=4 β");
    }

    @Test
    public void reductionCellWithPartialChannelsAndEdgeWeights() {
        assertSameFunction(ALL_OPS, true, false, 4, true, null, "reduction K=4 β");
    }

    @Test
    public void cellsWithoutPartialChannelsOrEdgeWeights() {
        assertSameFunction(ALL_OPS, false, true, 1, false, null, "normal after reduction K=1");
        assertSameFunction(ALL_OPS, true, false, 1, false, null, "reduction K=1");
    }

    @Test
    public void partialChannelsWithoutEdgeWeights() {
        assertSameFunction(ALL_OPS, true, true, 2, false, null, "reduction after reduction K=2");
    }

    @Test
    public void spacesWithoutSomeOpKinds() {
        List<DartsOp> noSeps = List.of(DartsOp.NONE, DartsOp.AVG_POOL_3X3, DartsOp.SKIP_CONNECT, DartsOp.DIL_CONV_5X5);
        assertSameFunction(noSeps, true, false, 4, true, null, "pool/skip/dil reduction");
        List<DartsOp> onlySep = List.of(DartsOp.SEP_CONV_5X5, DartsOp.MAX_POOL_3X3);
        assertSameFunction(onlySep, false, false, 2, true, null, "sep/max normal");
    }

    @Test
    public void sampledOpsMatchThePlainCell() {
        SplittableRandom rng = new SplittableRandom(5);
        for (boolean reduction : new boolean[]{false, true}) {
            int[] sampled = new int[DartsCellLayout.ALPHA_ROWS];
            for (int i = 0; i < sampled.length; i++) {
                sampled[i] = rng.nextInt(ALL_OPS.size());
            }
            // Every op kind on at least one edge of the cell.
            int offset = reduction ? DartsCellLayout.EDGES : 0;
            for (int op = 0; op < ALL_OPS.size(); op++) {
                sampled[offset + op] = op;
            }
            assertSameFunction(ALL_OPS, reduction, false, 4, true, sampled, "sampled " + (reduction ? "reduction" : "normal"));
        }
    }

    @AfterAll
    public static void printWorst() {
        StringBuilder b = new StringBuilder("FusedDartsSearchCellTest worst |fused - plain| (absolute, relative):");
        WORST.forEach((kind, w) -> b.append(String.format(Locale.ROOT, "%n  %-20s %.3g  %.3g", kind, w[0], w[1])));
        System.out.println(b);
        DjlRuntime.class.getName();
    }
}
