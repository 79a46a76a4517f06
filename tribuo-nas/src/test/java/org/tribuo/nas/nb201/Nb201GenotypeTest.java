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

package org.tribuo.nas.nb201;

import org.tribuo.nas.space.GenotypeFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class Nb201GenotypeTest {

    private static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    @Test
    public void roundTripsEveryOpAtEveryEdge() {
        for (Nb201Op op : Nb201Op.values()) {
            for (int e = 0; e < Nb201Space.NUM_EDGES; e++) {
                Nb201Op[] ops = {Nb201Op.SKIP_CONNECT, Nb201Op.NOR_CONV_1X1, Nb201Op.NOR_CONV_3X3,
                        Nb201Op.AVG_POOL_3X3, Nb201Op.NONE, Nb201Op.SKIP_CONNECT};
                ops[e] = op;
                Nb201Genotype g = new Nb201Genotype(List.of(ops));
                assertEquals(g, Nb201Genotype.parse(g.toString()));
                assertEquals(g.toString(), Nb201Genotype.parse(g.toString()).toString());
            }
        }
    }

    @Test
    public void parsesTheBenchmarkFormat() {
        Nb201Genotype g = Nb201Genotype.parse(BEST);
        assertEquals(BEST, g.toString());
        assertEquals(Nb201Op.SKIP_CONNECT, g.op(Nb201Space.edgeIndex(3, 0)));
        assertEquals(Nb201Op.NOR_CONV_3X3, g.op(Nb201Space.edgeIndex(2, 1)));
    }

    @Test
    public void edgeIndexFollowsTheBenchmarkOrder() {
        int e = 0;
        for (int to = 1; to < 4; to++) {
            for (int from = 0; from < to; from++) {
                assertEquals(e, Nb201Space.edgeIndex(to, from));
                assertEquals(to, Nb201Space.edgeTo(e));
                assertEquals(from, Nb201Space.edgeFrom(e));
                e++;
            }
        }
    }

    @Test
    public void argmaxPicksTheLargestWeightAndTheFirstOnTies() {
        Nb201Space space = Nb201Space.withoutNone();
        float[][] alpha = new float[6][4];
        for (int e = 0; e < 6; e++) {
            alpha[e] = new float[]{0.25f, 0.25f, 0.25f, 0.25f};
        }
        alpha[2] = new float[]{0.1f, 0.2f, 0.6f, 0.1f};
        alpha[5] = new float[]{0.1f, 0.1f, 0.1f, 0.7f};
        Nb201Genotype g = new Nb201SearchSpace(space).derive(alpha, null);
        assertEquals("|skip_connect~0|+|skip_connect~0|nor_conv_3x3~1|+|skip_connect~0|skip_connect~1|avg_pool_3x3~2|", g.toString());
    }

    private static void assertRejected(String text, String... fragments) {
        GenotypeFormatException e = assertThrows(GenotypeFormatException.class, () -> Nb201Genotype.parse(text));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    @Test
    public void malformedStringsNamePositionAndProblem() {
        assertRejected("", "empty");
        assertRejected("|nor_conv_9x9~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                "position 1", "unknown op 'nor_conv_9x9'");
        assertRejected("|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                "position 14", "must read input 0", "found '1'");
        assertRejected("|nor_conv_3x3~0|+|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                "position 33", "missing op name", "node 2");
        assertRejected("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|", "end of string", "'+' between node 2 and node 3");
        assertRejected(BEST + "+|none~0|", "unexpected text after node 3");
        assertRejected("nor_conv_3x3~0|", "position 0", "'|' opening node 1");
        assertRejected("|nor_conv_3x3 0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                "unknown op 'nor_conv_3x3 0'");
    }

    @Test
    public void spaceRejectsBadOpLists() {
        assertThrows(IllegalArgumentException.class, () -> Nb201Space.parseOps("skip_connect,skip_connect"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nb201Space.parseOps("skip_connect,conv_7x7"));
        assertTrue(e.getMessage().contains("conv_7x7") && e.getMessage().contains("nor_conv_3x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nb201Space.parseOps(""));
        assertEquals(Nb201Space.withoutNone(), Nb201Space.parseOps(Nb201Space.withoutNone().opsString()));
    }
}
