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

import org.junit.jupiter.api.Test;
import org.tribuo.nas.space.GenotypeFormatException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DartsGenotypeTest {

    /** GAEA PC-DARTS's CIFAR-10 cell (seed 3103) as printed by PyTorch. */
    private static final String GAEA = "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 1), "
            + "('skip_connect', 2), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 0), ('dil_conv_3x3', 4)], "
            + "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('sep_conv_5x5', 0), "
            + "('sep_conv_5x5', 2), ('dil_conv_3x3', 3), ('sep_conv_5x5', 2), ('sep_conv_5x5', 4), ('sep_conv_3x3', 1)], "
            + "reduce_concat=[2, 3, 4, 5])";

    private static final List<DartsOp> ALL = List.of(DartsOp.values());

    @Test
    public void roundTripsThePyTorchRepr() {
        DartsGenotype g = DartsGenotype.parse(GAEA);
        assertEquals(GAEA, g.toString());
        assertEquals(g, DartsGenotype.parse(g.toString()));
        assertEquals("darts", g.spaceName());
        assertEquals(new DartsEdge(DartsOp.DIL_CONV_3X3, 4), g.normal().get(7));
        assertEquals(new DartsEdge(DartsOp.MAX_POOL_3X3, 0), g.reduce().get(0));
        assertEquals(List.of(2, 3, 4, 5), g.reduceConcat());
        DartsSearchSpace space = DartsSearchSpace.reference();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 50; i++) {
            DartsGenotype random = space.randomGenotype(rng);
            assertEquals(random, space.parseGenotype(random.toString()));
        }
    }

    @Test
    public void acceptsRangeWhitespaceQuotesAndFieldOrder() {
        String loose = "  Genotype(\n  normal = [ (\"sep_conv_3x3\" , 1 ) ,('skip_connect',0),('sep_conv_3x3',1),"
                + "('skip_connect',2),('sep_conv_3x3',1),('sep_conv_3x3',2),('sep_conv_3x3',0),('dil_conv_3x3',4),],\n"
                + "  reduce_concat=range(2, 6), normal_concat = range( 2 , 6 ),\n"
                + "  reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_5x5', 2), "
                + "('dil_conv_3x3', 3), ('sep_conv_5x5', 2), ('sep_conv_5x5', 4), ('sep_conv_3x3', 1)],\n) \n";
        assertEquals(DartsGenotype.parse(GAEA), DartsGenotype.parse(loose));
        DartsGenotype partial = DartsGenotype.parse(GAEA.replace("normal_concat=[2, 3, 4, 5]", "normal_concat=[5, 3]"));
        assertEquals(List.of(5, 3), partial.normalConcat());
    }

    private static void assertRejected(String text, String... fragments) {
        GenotypeFormatException e = assertThrows(GenotypeFormatException.class, () -> DartsGenotype.parse(text));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    @Test
    public void malformedStringsNamePositionAndProblem() {
        assertRejected("", "empty");
        assertRejected("   ", "empty");
        assertRejected("Genotyp(normal=[])", "position 0", "Genotype(");
        int conv = GAEA.indexOf("'sep_conv_3x3'");
        assertRejected(GAEA.replaceFirst("sep_conv_3x3", "sep_conv_7x7"), "position " + conv, "unknown op 'sep_conv_7x7'",
                "normal pair 0", "dil_conv_5x5");
        // Pair 3 feeds node 1, which reads states 0..2.
        int third = GAEA.indexOf("('skip_connect', 2)") + "('skip_connect', ".length();
        assertRejected(GAEA.replace("('skip_connect', 2)", "('skip_connect', 3)"), "position " + third,
                "normal pair 3", "input 3 is out of range for node 1", "0..2");
        assertRejected(GAEA.replace("('max_pool_3x3', 1)", "('max_pool_3x3', 2)"), "reduce pair 1", "out of range for node 0");
        assertRejected(GAEA.replace("('dil_conv_3x3', 4)", "('none', 4)"), "normal pair 7", "'none' cannot be a chosen op");
        assertRejected(GAEA.replace(", ('sep_conv_3x3', 0), ('dil_conv_3x3', 4)", ""), "normal has 6 pairs, expected 8");
        assertRejected(GAEA.replace("('dil_conv_3x3', 4)", "('dil_conv_3x3', 4), ('sep_conv_3x3', 4)"),
                "normal has more than 8 pairs");
        assertRejected(GAEA.replace("reduce_concat=[2, 3, 4, 5]", "reduce_concat=[1, 2]"), "reduce_concat", "not a node");
        assertRejected(GAEA.replace("reduce_concat=[2, 3, 4, 5]", "reduce_concat=[2, 2]"), "listed twice");
        assertRejected(GAEA.replace("reduce_concat=[2, 3, 4, 5]", "reduce_concat=range(2, 7)"), "state 6 is not a node");
        assertRejected(GAEA.replace(", reduce_concat=[2, 3, 4, 5]", ""), "missing field 'reduce_concat'");
        assertRejected(GAEA.replace("reduce_concat", "normal_concat"), "field 'normal_concat' is given twice");
        assertRejected(GAEA.replace("reduce_concat", "reduce_cat"), "unknown field 'reduce_cat'");
        assertRejected(GAEA + " x", "unexpected text after the closing ')'");
        assertRejected(GAEA.replace("('sep_conv_3x3', 1), ('skip_connect', 0)", "('sep_conv_3x3' 1), ('skip_connect', 0)"),
                "expected ',' after the op of normal pair 0");
        assertRejected(GAEA.substring(0, 60), "end of string");
    }

    @Test
    public void constructorRejectsInvalidCells() {
        List<DartsEdge> ok = DartsGenotype.parse(GAEA).normal();
        List<DartsEdge> bad = new ArrayList<>(ok);
        bad.set(0, new DartsEdge(DartsOp.NONE, 0));
        assertThrows(IllegalArgumentException.class, () -> new DartsGenotype(bad, ok));
        bad.set(0, new DartsEdge(DartsOp.SKIP_CONNECT, 2));
        assertThrows(IllegalArgumentException.class, () -> new DartsGenotype(bad, ok));
        assertThrows(IllegalArgumentException.class, () -> new DartsGenotype(ok.subList(0, 6), ok));
    }

    private static float[][] uniformAlpha(int cols) {
        float[][] alpha = new float[DartsCellLayout.ALPHA_ROWS][cols];
        for (float[] row : alpha) {
            Arrays.fill(row, 1f / cols);
        }
        return alpha;
    }

    @Test
    public void tiesGoToTheLowerEdgeAndOp() {
        DartsGenotype g = DartsGenotype.derive(ALL, uniformAlpha(8), null);
        for (boolean reduction : new boolean[]{false, true}) {
            for (int node = 0; node < DartsCellLayout.NODES; node++) {
                assertEquals(new DartsEdge(DartsOp.MAX_POOL_3X3, 0), g.cell(reduction).get(2 * node));
                assertEquals(new DartsEdge(DartsOp.MAX_POOL_3X3, 1), g.cell(reduction).get(2 * node + 1));
            }
        }
        assertEquals(DartsGenotype.ALL_NODES, g.normalConcat());
    }

    @Test
    public void keptEdgesAreRankedByTheirBestNonNoneOp() {
        float[][] alpha = uniformAlpha(8);
        // Node 2 (edges 5..8): edge 7 (from state 2) is best with sep_conv_5x5, then edge 6
        // (from state 1) with dil_conv_3x3; edge 5 has none dominant, which is ignored.
        alpha[5] = new float[]{0.93f, 0.01f, 0.01f, 0.01f, 0.01f, 0.01f, 0.01f, 0.01f};
        alpha[6] = new float[]{0.10f, 0.05f, 0.05f, 0.05f, 0.05f, 0.05f, 0.60f, 0.05f};
        alpha[7] = new float[]{0.00f, 0.05f, 0.05f, 0.05f, 0.05f, 0.75f, 0.00f, 0.05f};
        // Reduction node 0 (rows 14, 15): none dominates row 14 but its best real op (avg pool,
        // 0.2) beats row 15's best (0.15), so both are kept, row 14 first.
        alpha[14] = new float[]{0.70f, 0.05f, 0.20f, 0.05f, 0.00f, 0.00f, 0.00f, 0.00f};
        alpha[15] = new float[]{0.00f, 0.15f, 0.15f, 0.14f, 0.14f, 0.14f, 0.14f, 0.14f};
        DartsGenotype g = DartsGenotype.derive(ALL, alpha, null);
        assertEquals(List.of(new DartsEdge(DartsOp.SEP_CONV_5X5, 2), new DartsEdge(DartsOp.DIL_CONV_3X3, 1)),
                g.normal().subList(4, 6));
        assertEquals(List.of(new DartsEdge(DartsOp.AVG_POOL_3X3, 0), new DartsEdge(DartsOp.MAX_POOL_3X3, 1)),
                g.reduce().subList(0, 2));
    }

    @Test
    public void noneDominantEverywhereIsNeverChosen() {
        float[][] alpha = uniformAlpha(8);
        for (float[] row : alpha) {
            Arrays.fill(row, 0.01f);
            row[0] = 0.93f;
        }
        alpha[9][4] = 0.02f;
        DartsGenotype g = DartsGenotype.derive(ALL, alpha, null);
        assertEquals(new DartsEdge(DartsOp.SEP_CONV_3X3, 0), g.normal().get(6), "node 3's best edge is row 9 = edge from 0");
        for (DartsEdge e : g.normal()) {
            assertNotEquals(DartsOp.NONE, e.op());
        }
    }

    @Test
    public void betaChangesWhichEdgesAreKeptButNotTheOps() {
        float[][] alpha = uniformAlpha(8);
        // Normal node 1 (rows 2, 3, 4): row 2 best (skip 0.5), then row 3 (sep3 0.4), row 4 (dil5 0.3).
        alpha[2] = new float[]{0.1f, 0.1f, 0.1f, 0.5f, 0.05f, 0.05f, 0.05f, 0.05f};
        alpha[3] = new float[]{0.1f, 0.1f, 0.1f, 0.1f, 0.4f, 0.1f, 0.05f, 0.05f};
        alpha[4] = new float[]{0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.3f};
        DartsGenotype plain = DartsGenotype.derive(ALL, alpha, null);
        assertEquals(List.of(new DartsEdge(DartsOp.SKIP_CONNECT, 0), new DartsEdge(DartsOp.SEP_CONV_3X3, 1)),
                plain.normal().subList(2, 4));
        float[] beta = new float[DartsCellLayout.ALPHA_ROWS];
        Arrays.fill(beta, 1f);
        beta[2] = 0.2f;
        beta[3] = 0.3f;
        beta[4] = 0.5f;
        DartsGenotype weighted = DartsGenotype.derive(ALL, alpha, beta);
        // Scores: row 2 0.10, row 3 0.12, row 4 0.15: the edge from state 2 now ranks first,
        // and every kept edge keeps its op.
        assertEquals(List.of(new DartsEdge(DartsOp.DIL_CONV_5X5, 2), new DartsEdge(DartsOp.SEP_CONV_3X3, 1)),
                weighted.normal().subList(2, 4));
        assertEquals(plain.reduce(), weighted.reduce());
    }

    @Test
    public void derivesFromASubsetOfOpsWithoutNone() {
        List<DartsOp> ops = List.of(DartsOp.SKIP_CONNECT, DartsOp.SEP_CONV_3X3);
        float[][] alpha = uniformAlpha(2);
        alpha[0] = new float[]{0.2f, 0.8f};
        DartsGenotype g = DartsGenotype.derive(ops, alpha, null);
        assertEquals(new DartsEdge(DartsOp.SEP_CONV_3X3, 0), g.normal().get(0));
        assertEquals(new DartsEdge(DartsOp.SKIP_CONNECT, 1), g.normal().get(1));
        assertThrows(IllegalArgumentException.class, () -> DartsGenotype.derive(ops, uniformAlpha(3), null));
        assertThrows(IllegalArgumentException.class, () -> DartsGenotype.derive(List.of(DartsOp.NONE), uniformAlpha(1), null));
    }

    @Test
    public void randomGenotypesReadTwoDistinctValidStatesWithoutNone() {
        DartsSearchSpace space = DartsSearchSpace.reference();
        SplittableRandom rng = new SplittableRandom(9);
        int[] fromZero = new int[DartsCellLayout.NODES];
        for (int i = 0; i < 200; i++) {
            DartsGenotype g = space.randomGenotype(rng);
            for (boolean reduction : new boolean[]{false, true}) {
                List<DartsEdge> cell = g.cell(reduction);
                for (int node = 0; node < DartsCellLayout.NODES; node++) {
                    DartsEdge a = cell.get(2 * node);
                    DartsEdge b = cell.get(2 * node + 1);
                    assertNotEquals(a.input(), b.input());
                    assertTrue(a.input() <= node + 1 && b.input() <= node + 1);
                    assertNotEquals(DartsOp.NONE, a.op());
                    if (a.input() == 0 || b.input() == 0) {
                        fromZero[node]++;
                    }
                }
            }
        }
        // P(state 0 among two of n+2 states) = 2/(n+2): 1, 2/3, 1/2, 2/5 of 400 draws.
        assertEquals(400, fromZero[0]);
        assertEquals(267, fromZero[1], 40);
        assertEquals(200, fromZero[3 - 1], 40);
        assertEquals(160, fromZero[3], 40);
        assertEquals(space.randomGenotype(new SplittableRandom(3)), space.randomGenotype(new SplittableRandom(3)));
    }
}
