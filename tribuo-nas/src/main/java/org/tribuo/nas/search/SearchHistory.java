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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
