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
import org.tribuo.nas.space.NetworkSettings;
import org.tribuo.nas.space.OpSelection;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.space.SupernetSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class TabularSearchSpaceTest {

    @Test
    public void referenceSpaceShape() {
        SearchSpace space = TabularSearchSpace.reference();
        assertEquals("tabular", space.name());
        assertEquals(List.of("skip_connect", "dense", "dense_bottleneck", "dense_dropout"), space.ops());
        assertEquals(6, space.alphaRows());
        assertEquals(6, space.normalRows());
        assertThrows(UnsupportedOperationException.class, space::edgeGroups);
        assertEquals(5, TabularSearchSpace.full().numOps());
    }

    @Test
    public void edgeGeometryIsTheCompleteDagOverFourNodes() {
        for (int e = 0; e < TabularCellLayout.EDGES; e++) {
            int to = TabularCellLayout.edgeTo(e);
            int from = TabularCellLayout.edgeFrom(e);
            assertTrue(from < to);
            assertEquals(e, TabularCellLayout.edgeIndex(to, from));
        }
        assertThrows(IllegalArgumentException.class, () -> TabularCellLayout.edgeIndex(2, 2));
    }

    @Test
    public void opsAreParsedByName() {
        TabularSearchSpace space = TabularSearchSpace.parseOps(" dense , DENSE_BOTTLENECK,none ");
        assertEquals(List.of(TabularOp.DENSE, TabularOp.DENSE_BOTTLENECK, TabularOp.NONE), space.candidateOps());
        assertEquals("dense,dense_bottleneck,none", space.opsString());
        assertEquals(space, TabularSearchSpace.parseOps(space.opsString()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TabularSearchSpace.parseOps("dense,nor_conv_3x3"));
        assertTrue(unknown.getMessage().contains("'nor_conv_3x3'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("none, skip_connect, dense, dense_bottleneck, dense_dropout"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TabularSearchSpace.parseOps("dense,dense"));
        assertThrows(IllegalArgumentException.class, () -> TabularSearchSpace.parseOps(" , "));
    }

    @Test
    public void partialChannelsAreRejectedNamingTheOption() {
        TabularSearchSpace space = TabularSearchSpace.reference();
        SupernetSettings pc = new SupernetSettings(16, 2, 4, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.checkSupernet(pc));
        assertTrue(e.getMessage().contains("partialChannels"), e.getMessage());
        assertTrue(e.getMessage().contains("darts space only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> space.newSupernet(pc, 3));
    }

    @Test
    public void edgeWeightsAreRejectedNamingTheOption() {
        TabularSearchSpace space = TabularSearchSpace.reference();
        SupernetSettings ew = new SupernetSettings(16, 2, 1, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.checkSupernet(ew));
        assertTrue(e.getMessage().contains("edgeWeights"), e.getMessage());
        assertTrue(e.getMessage().contains("darts space only"), e.getMessage());
        assertDoesNotThrow(() -> space.checkSupernet(SupernetSettings.plain(16, 2)));
    }

    @Test
    public void auxiliaryHeadIsRejectedNamingTheOption() {
        TabularSearchSpace space = TabularSearchSpace.reference();
        NetworkSettings aux = new NetworkSettings(16, 2, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.checkNetwork(aux));
        assertTrue(e.getMessage().contains("auxiliaryWeight"), e.getMessage());
        assertTrue(e.getMessage().contains("darts space only"), e.getMessage());
        TabularGenotype g = TabularGenotype.parse("|dense~0|+|dense~0|dense~1|+|dense~0|dense~1|dense~2|");
        assertThrows(IllegalArgumentException.class, () -> space.newNetwork(g, aux, 3));
        assertDoesNotThrow(() -> space.checkNetwork(new NetworkSettings(16, 2, false)));
    }

    @Test
    public void opNamesAreLookedUpCaseInsensitively() {
        assertEquals(TabularOp.DENSE_DROPOUT, TabularOp.fromName(" Dense_Dropout "));
        assertEquals(TabularOp.SKIP_CONNECT, TabularOp.fromName("SKIP_CONNECT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularOp.fromName("gelu"));
        assertTrue(e.getMessage().contains("none, skip_connect, dense, dense_bottleneck, dense_dropout"), e.getMessage());
    }
}
