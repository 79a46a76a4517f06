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


package org.tribuo.nas.search;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search has settled when its last two epochs end on the same genotype; otherwise the note
 * names both genotypes.
 */
public class SearchHistoryTest {

    private static final String CONV = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private static final String POOL = "|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private static EpochRecord epoch(int e, String genotype) {
        return new EpochRecord(e, 0.025, 1.0, 0.5, null, 1.38, genotype, new float[][]{{0.25f, 0.75f}}, null, 1.0, null, null);
    }

    private static SearchHistory history(String... genotypes) {
        List<EpochRecord> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < genotypes.length; i++) {
            epochs.add(epoch(i + 1, genotypes[i]));
        }
        return new SearchHistory("nas-bench-201", "EXPONENTIATED_GRADIENT", "SINGLE_LEVEL", 1, "cpu", epochs,
                genotypes.length == 0 ? "" : genotypes[genotypes.length - 1]);
    }

    @Test
    public void settledWhenTheLastTwoEpochsAgree() {
        assertTrue(history(POOL, CONV, CONV).settled());
        assertTrue(history(POOL, CONV, CONV).unsettledNote().isEmpty());
    }

    @Test
    public void notSettledWhenTheLastEpochChangedTheCell() {
        SearchHistory h = history(CONV, CONV, POOL);
        assertFalse(h.settled());
        String note = h.unsettledNote().orElseThrow();
        assertTrue(note.contains(CONV + " -> " + POOL), note);
    }

    @Test
    public void oneEpochCannotHaveSettled() {
        assertFalse(history(CONV).settled());
        assertTrue(history(CONV).unsettledNote().orElseThrow().contains("1 epoch,"));
    }

    @Test
    public void jsonKeepsOnlyTheRecord() throws IOException {
        SearchHistory h = history(POOL, CONV);
        String json = h.toJson();
        assertFalse(json.contains("settled"), json);
        assertEquals(h.finalGenotype(), SearchHistory.fromJson(json).finalGenotype());
    }
}
