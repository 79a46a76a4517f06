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

package org.tribuo.nas.tabular;

import org.junit.jupiter.api.Test;
import org.tribuo.nas.space.GenotypeFormatException;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class TabularGenotypeTest {

    private static final String TEXT =
            "|dense~0|+|skip_connect~0|dense_bottleneck~1|+|none~0|dense_dropout~1|dense~2|";

    @Test
    public void textFormIsReadBackInEdgeOrder() {
        TabularGenotype g = TabularGenotype.parse(TEXT);
        assertEquals(List.of(TabularOp.DENSE, TabularOp.SKIP_CONNECT, TabularOp.DENSE_BOTTLENECK,
                TabularOp.NONE, TabularOp.DENSE_DROPOUT, TabularOp.DENSE), g.edgeOps());
        assertEquals(TabularOp.DENSE_BOTTLENECK, g.op(TabularCellLayout.edgeIndex(2, 1)));
        assertEquals(TEXT, g.toString());
        assertEquals("tabular", g.spaceName());
    }

    @Test
    public void randomGenotypesRoundTrip() {
        TabularSearchSpace space = TabularSearchSpace.full();
        SplittableRandom rng = new SplittableRandom(3);
        boolean sawDifferent = false;
        TabularGenotype first = space.randomGenotype(rng);
        for (int i = 0; i < 50; i++) {
            TabularGenotype g = space.randomGenotype(rng);
            TabularGenotype back = space.parseGenotype(g.toString());
            assertEquals(g, back);
            assertEquals(g.hashCode(), back.hashCode());
            sawDifferent |= !g.equals(first);
        }
        assertTrue(sawDifferent, "random genotypes vary");
    }

    @Test
    public void randomGenotypesUseOnlyCandidateOps() {
        TabularSearchSpace space = TabularSearchSpace.parseOps("dense,skip_connect");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            for (TabularOp op : space.randomGenotype(rng).edgeOps()) {
                assertTrue(op == TabularOp.DENSE || op == TabularOp.SKIP_CONNECT, op.opName());
            }
        }
    }

    @Test
    public void parseErrorsNameThePositionAndTheProblem() {
        assertParseError("", "empty");
        assertParseError("dense~0|", "position 0: expected '|' opening node 1");
        assertParseError("|conv_3x3~0|+|dense~0|dense~1|+|dense~0|dense~1|dense~2|",
                "position 1: unknown op 'conv_3x3', expected one of none, skip_connect, dense");
        assertParseError("|dense~0|+|dense~0|dense~2|+|dense~0|dense~1|dense~2|",
                "position 25: edge 2 of node 2 must read input 1, found '2'");
        assertParseError("|dense~0|+|dense~0|dense~1|", "position 27: expected '+' between node 2 and node 3, found end of string");
        assertParseError("|dense~0|+|dense~0|dense~1|+|dense~0|dense~1|dense~2|+|dense~0|",
                "position 53: unexpected text after node 3");
        assertParseError("|dense0|+|dense~0|dense~1|+|dense~0|dense~1|dense~2|",
                "position 1: unknown op 'dense0'");
        assertParseError("|~0|+|dense~0|dense~1|+|dense~0|dense~1|dense~2|",
                "position 1: missing op name for an edge into node 1");
        assertThrows(GenotypeFormatException.class, () -> TabularGenotype.parse(null));
    }

    private static void assertParseError(String text, String expected) {
        GenotypeFormatException e = assertThrows(GenotypeFormatException.class, () -> TabularGenotype.parse(text));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    public void deriveTakesTheArgmaxAndTheFirstOnTies() {
        TabularSearchSpace space = TabularSearchSpace.full(); // none, skip, dense, bottleneck, dropout
        float[][] alpha = {
                {0.1f, 0.2f, 0.5f, 0.1f, 0.1f},   // dense
                {0.2f, 0.2f, 0.2f, 0.2f, 0.2f},   // all tied: first (none)
                {0.0f, 0.4f, 0.1f, 0.4f, 0.1f},   // skip and bottleneck tied: skip
                {0.1f, 0.1f, 0.1f, 0.3f, 0.4f},   // dropout
                {0.5f, 0.1f, 0.1f, 0.2f, 0.1f},   // none
                {0.1f, 0.1f, 0.1f, 0.35f, 0.35f}, // bottleneck before dropout
        };
        TabularGenotype g = space.derive(alpha, null);
        assertEquals(List.of(TabularOp.DENSE, TabularOp.NONE, TabularOp.SKIP_CONNECT, TabularOp.DENSE_DROPOUT,
                TabularOp.NONE, TabularOp.DENSE_BOTTLENECK), g.edgeOps());
    }

    @Test
    public void deriveUsesTheSpacesColumnOrder() {
        TabularSearchSpace space = TabularSearchSpace.parseOps("dense_dropout,skip_connect");
        float[][] alpha = new float[6][];
        for (int e = 0; e < 6; e++) {
            alpha[e] = e % 2 == 0 ? new float[]{0.7f, 0.3f} : new float[]{0.3f, 0.7f};
        }
        assertEquals("|dense_dropout~0|+|skip_connect~0|dense_dropout~1|+|skip_connect~0|dense_dropout~1|skip_connect~2|",
                space.derive(alpha, null).toString());
    }

    @Test
    public void deriveRejectsBadShapesNonFiniteWeightsAndBeta() {
        TabularSearchSpace space = TabularSearchSpace.reference();
        assertThrows(IllegalArgumentException.class, () -> space.derive(new float[5][4], null));
        assertThrows(IllegalArgumentException.class, () -> space.derive(new float[6][5], null));
        float[][] nan = new float[6][4];
        nan[3][2] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.derive(nan, null));
        assertTrue(e.getMessage().contains("[3][2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> space.derive(new float[6][4], new float[6]));
    }

    @Test
    public void genotypesNeedSixEdges() {
        assertThrows(IllegalArgumentException.class, () -> new TabularGenotype(List.of(TabularOp.DENSE)));
        assertNotEquals(TabularGenotype.parse(TEXT),
                TabularGenotype.parse(TEXT.replace("none~0", "skip_connect~0")));
    }
}
