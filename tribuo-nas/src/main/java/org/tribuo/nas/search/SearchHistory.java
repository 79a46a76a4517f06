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

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The record of a search: its settings in brief, one {@link EpochRecord} per epoch, and the
 * final genotype. Reads and writes JSON.
 *
 * @param space The search space.
 * @param geometry The architecture geometry.
 * @param scheme Single-level or bilevel.
 * @param seed The seed.
 * @param device The device used.
 * @param epochs One record per epoch.
 * @param finalGenotype The genotype the search returned.
 */
public record SearchHistory(String space, String geometry, String scheme, long seed, String device,
                            List<EpochRecord> epochs, String finalGenotype) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Whether the search settled: the genotype after its last epoch is the one after the epoch
     * before. A search that has not settled would likely have returned another cell with more
     * epochs (or, bilevel, another epoch's cell).
     * @return False with fewer than two epochs or when the genotype changed in the last epoch.
     */
    @JsonIgnore
    public boolean settled() {
        int n = epochs.size();
        return n >= 2 && epochs.get(n - 1).genotype().equals(epochs.get(n - 2).genotype());
    }

    /**
     * A note for people when the search has not {@link #settled()}, naming the last two genotypes.
     * @return The note, or empty when it settled.
     */
    @JsonIgnore
    public Optional<String> unsettledNote() {
        if (settled()) {
            return Optional.empty();
        }
        int n = epochs.size();
        if (n < 2) {
            return Optional.of("note: the search ran " + n + (n == 1 ? " epoch" : " epochs") + ", too few to tell whether its genotype "
                    + "has settled; give it more search epochs");
        }
        return Optional.of("note: the genotype changed in the last search epoch (" + epochs.get(n - 2).genotype()
                + " -> " + epochs.get(n - 1).genotype() + "): the search has not settled, and more search epochs "
                + "may give another cell");
    }

    /**
     * The history as JSON.
     * @return Indented JSON.
     */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the search history", e);
        }
    }

    /**
     * Reads a history from JSON.
     * @param json The JSON text.
     * @return The history.
     * @throws IOException If the text is not a search history.
     */
    public static SearchHistory fromJson(String json) throws IOException {
        return MAPPER.readValue(json, SearchHistory.class);
    }

    /**
     * Writes the history atomically.
     * @param path The target file.
     * @throws IOException If writing fails.
     */
    public void write(Path path) throws IOException {
        AtomicFiles.writeString(path, toJson());
    }
}
