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

package org.tribuo.nas.space;

import org.tribuo.nas.darts.DartsSearchSpace;
import org.tribuo.nas.tabular.TabularSearchSpace;

import java.util.List;

/**
 * The search spaces by configuration name.
 */
public final class SearchSpaces {

    private SearchSpaces() {}

    /**
     * The names of the known spaces.
     * @return The names.
     */
    public static List<String> names() {
        return List.of(Nb201SearchSpace.NAME, DartsSearchSpace.NAME, TabularSearchSpace.NAME);
    }

    /**
     * Creates a space.
     * @param name The space name, e.g. {@code nas-bench-201}.
     * @param ops The candidate ops, comma separated; blank means the space's reference ops.
     * @return The space.
     * @throws IllegalArgumentException naming an unknown space or op.
     */
    public static SearchSpace create(String name, String ops) {
        boolean reference = ops == null || ops.isBlank();
        switch (name == null ? "" : name) {
            case Nb201SearchSpace.NAME:
                return new Nb201SearchSpace(reference ? Nb201Space.withoutNone() : Nb201Space.parseOps(ops));
            case DartsSearchSpace.NAME:
                return reference ? DartsSearchSpace.reference() : DartsSearchSpace.parseOps(ops);
            case TabularSearchSpace.NAME:
                return reference ? TabularSearchSpace.reference() : TabularSearchSpace.parseOps(ops);
            default:
                throw new IllegalArgumentException("unknown search space '" + name + "', expected one of " + names());
        }
    }
}
