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

package org.tribuo.nas.nn;

import ai.djl.nn.Block;


import java.util.Locale;

/**
 * How a supernet computes its search cells: NAS-Bench-201 ({@code SearchCell} or
 * {@code FusedSearchCell}) and the DARTS space ({@code DartsSearchCell} or
 * {@code FusedDartsSearchCell}). Both compute the same function; they differ in speed and in
 * parameter layout (so a checkpoint only loads into a supernet built with the same implementation).
 */
public enum CellImplementation {
    /** One block per edge and op. */
    PLAIN,
    /** The edges leaving a node (a state) computed together, with fewer, larger ops. */
    FUSED;

    /**
     * Parses {@code plain} or {@code fused}, case-insensitively.
     * @param name The name.
     * @return The implementation.
     * @throws IllegalArgumentException for any other name.
     */
    public static CellImplementation fromName(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (CellImplementation c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cell implementation '" + name + "', expected plain or fused");
    }
}
