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
import org.tribuo.nas.space.Genotype;
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SupernetSettings;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class DartsSearchSpaceTest {

    private static final DartsSearchSpace SPACE = DartsSearchSpace.reference();

    private static void assertRejected(org.junit.jupiter.api.function.Executable check, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, check);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' should mention '" + f + "'");
        }
    }

    @Test
    public void describesTheDartsSpace() {
        assertEquals("darts", SPACE.name());
        assertEquals(List.of("none", "max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
                "dil_conv_3x3", "dil_conv_5x5"), SPACE.ops());
        assertEquals(28, SPACE.alphaRows());
        assertEquals(14, SPACE.normalRows());
        assertArrayEquals(new int[]{2, 3, 4, 5, 2, 3, 4, 5}, SPACE.edgeGroups());
        assertEquals(SPACE.alphaRows(), Arrays.stream(SPACE.edgeGroups()).sum());
        for (int node = 0; node < DartsCellLayout.NODES; node++) {
            assertEquals(new int[]{0, 2, 5, 9}[node], DartsCellLayout.firstEdge(node));
        }
        assertTrue(DartsCellLayout.isReduction(2, 8) && DartsCellLayout.isReduction(5, 8));
        assertTrue(DartsCellLayout.isReduction(6, 20) && DartsCellLayout.isReduction(13, 20));
        assertTrue(!DartsCellLayout.isReduction(0, 8) && !DartsCellLayout.isReduction(7, 8));
    }

    @Test
    public void parsesOpLists() {
        DartsSearchSpace subset = DartsSearchSpace.parseOps(" max_pool_3x3, skip_connect ,sep_conv_3x3");
        assertEquals(List.of(DartsOp.MAX_POOL_3X3, DartsOp.SKIP_CONNECT, DartsOp.SEP_CONV_3X3), subset.candidateOps());
        assertEquals(SPACE, DartsSearchSpace.parseOps(String.join(",", SPACE.ops())));
        assertRejected(() -> DartsSearchSpace.parseOps("skip_connect,conv_7x7"), "conv_7x7", "sep_conv_3x3");
        assertRejected(() -> DartsSearchSpace.parseOps("skip_connect,skip_connect"), "duplicate");
        assertRejected(() -> DartsSearchSpace.parseOps(""), "at least one");
        assertRejected(() -> DartsSearchSpace.parseOps("none"), "other than none");
        assertRejected(() -> DartsOp.fromName("zero"), "unknown DARTS op 'zero'", "dil_conv_5x5");
        assertEquals(DartsOp.SEP_CONV_5X5, DartsOp.fromName("SEP_CONV_5X5"));
    }

    @Test
    public void checksSettings() {
        SPACE.checkSupernet(new SupernetSettings(16, 8, 4, true));
        SPACE.checkSupernet(new SupernetSettings(8, 3, 4, false));
        SPACE.checkSupernet(SupernetSettings.plain(6, 5));
        assertRejected(() -> SPACE.checkSupernet(new SupernetSettings(16, 8, 3, true)), "partialChannels", "searchChannels");
        assertRejected(() -> SPACE.checkSupernet(new SupernetSettings(12, 8, 4, true)),
                "partialChannels", "searchChannels", "even");
        assertRejected(() -> SPACE.checkSupernet(SupernetSettings.plain(7, 8)), "searchChannels", "even");
        assertRejected(() -> SPACE.checkSupernet(SupernetSettings.plain(16, 2)), "searchLayers");
        assertRejected(() -> SPACE.newSupernet(new SupernetSettings(16, 8, 3, true), 10), "partialChannels");
        SPACE.checkNetwork(new NetworkSettings(36, 20, true));
        assertRejected(() -> SPACE.checkNetwork(new NetworkSettings(36, 2, true)), "finalLayers");
        assertRejected(() -> SPACE.checkNetwork(new NetworkSettings(35, 20, true)), "finalChannels");
    }

    @Test
    public void buildsAndDerivesThroughTheInterface() {
        assertInstanceOf(DartsSearchNetwork.class, SPACE.newSupernet(new SupernetSettings(8, 3, 2, true), 10));
        Genotype g = SPACE.randomGenotype(new java.util.SplittableRandom(1));
        assertInstanceOf(DartsNetwork.class, SPACE.newNetwork(g, new NetworkSettings(8, 3, false), 10));
        Genotype foreign = new Genotype() {
            @Override
            public String spaceName() {
                return "nas-bench-201";
            }

            @Override
            public java.util.List<org.tribuo.nas.space.CellGraph> cells() {
                return java.util.List.of();
            }
        };
        assertRejected(() -> SPACE.newNetwork(foreign, new NetworkSettings(8, 3, false), 10), "nas-bench-201");
        float[][] alpha = new float[28][8];
        for (float[] row : alpha) {
            Arrays.fill(row, 0.125f);
        }
        alpha[0][4] = 0.5f;
        assertEquals(DartsGenotype.derive(SPACE.candidateOps(), alpha, null), SPACE.derive(alpha, null));
        assertEquals(new DartsEdge(DartsOp.SEP_CONV_3X3, 0), SPACE.derive(alpha, null).normal().get(0));
        assertEquals(g, SPACE.parseGenotype(g.toString()));
    }
}
