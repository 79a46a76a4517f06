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

package org.tribuo.nas;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.testutil.FashionFixture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's provenance says what the convolution self-check did (issue 32): at widths libtorch's CPU
 * kernels get wrong on some machines (NAS-Bench-201 at C=24, the DARTS space at C=12, K=1: C/K must be even) every
 * signature the search and the final training used is listed with its route, the routed ones
 * separately; switched off, the provenance says so. Which signatures a machine routes depends on
 * its CPU, so the test checks the lists agree with each other and with the process's verdicts.
 */
public class ConvolutionProvenanceTest {

    @Test
    public void aNasBench201RunAtTwentyFourChannelsListsItsCheckedAndRoutedConvolutions() {
        GaeaTrainer trainer = TinyTrainers.tiny(3).space(TinyTrainers.space().searchNetwork(24, 1).finalNetwork(24, 1)
                .build()).build();
        Map<String, Provenance> instance = train(trainer);
        List<String> checked = entries(instance, GaeaModel.CONVOLUTIONS_CHECKED);
        List<String> routed = entries(instance, GaeaModel.CONVOLUTIONS_ROUTED);
        assertTrue(checked.stream().anyMatch(e -> e.startsWith("24→24 3×3 s1 p1")), checked.toString());
        assertTrue(checked.stream().anyMatch(e -> e.startsWith("1→24 3×3")), "the stem: " + checked);
        assertListsAgree(instance, checked, routed);
    }

    @Test
    public void aDartsSpaceRunAtTwelveChannelsListsItsCheckedAndRoutedConvolutions() {
        GaeaTrainer trainer = TinyTrainers.tiny(4).space(DartsSearchSpace.builder().searchNetwork(12, 3).partialChannels(1)
                .finalNetwork(12, 3).build()).build();
        Map<String, Provenance> instance = train(trainer);
        List<String> checked = entries(instance, GaeaModel.CONVOLUTIONS_CHECKED);
        assertTrue(checked.stream().anyMatch(e -> e.contains(" g12 ")), "depthwise 12-channel convolutions: " + checked);
        assertListsAgree(instance, checked, entries(instance, GaeaModel.CONVOLUTIONS_ROUTED));
    }

    @Test
    public void switchedOffTheCheckIsRecordedAsOff() {
        GaeaTrainer trainer = TinyTrainers.tiny(5).checkConvolutions(false).build();
        Map<String, Provenance> instance = train(trainer);
        assertTrue(value(instance, GaeaModel.CONVOLUTION_CHECK).startsWith("off:"), value(instance, GaeaModel.CONVOLUTION_CHECK));
        assertTrue(entries(instance, GaeaModel.CONVOLUTIONS_CHECKED).isEmpty());
        assertTrue(trainer.toString().contains("checkConvolutions=false"));
        assertEquals("false", trainer.getProvenance().getConfiguredParameters().get("checkConvolutions").toString());
    }

    private static void assertListsAgree(Map<String, Provenance> instance, List<String> checked, List<String> routed) {
        String check = value(instance, GaeaModel.CONVOLUTION_CHECK);
        assertTrue(check.startsWith("on: " + checked.size() + " signatures checked against float64, " + routed.size()
                + " routed; measurements kept in this process only"), check);
        for (String entry : checked) {
            assertEquals(!entry.endsWith("-> AS_GIVEN"), routed.contains(entry), entry);
        }
        assertTrue(checked.containsAll(routed));
        assertFalse(checked.stream().anyMatch(e -> e.endsWith("-> null")), "no unusable signature was trained on");
    }

    private static Map<String, Provenance> train(GaeaTrainer trainer) {
        MutableDataset<Label> data = FashionFixture.datasetHead("train", 64);
        try (GaeaModel model = trainer.train(data)) {
            return new java.util.HashMap<>(model.getProvenance().getInstanceProvenance().getMap());
        }
    }

    private static String value(Map<String, Provenance> instance, String key) {
        return ((StringProvenance) instance.get(key)).getValue();
    }

    private static List<String> entries(Map<String, Provenance> instance, String key) {
        String v = value(instance, key);
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("; "));
    }
}
