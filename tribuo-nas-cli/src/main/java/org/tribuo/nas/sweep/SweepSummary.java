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

package org.tribuo.nas.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a sweep's runs, in run order, and their groups' summaries, in the order the
 * groups first appear.
 */
public final class SweepSummary {

    private final List<RunResult> results;
    private final List<GroupSummary> groups;

    /**
     * Summarises results.
     * @param results The runs' results, in run order.
     */
    public SweepSummary(List<RunResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a sweep summary needs at least one result");
        }
        this.results = List.copyOf(results);
        Map<String, List<RunResult>> byGroup = new LinkedHashMap<>();
        for (RunResult r : results) {
            byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
        }
        List<GroupSummary> g = new ArrayList<>();
        byGroup.forEach((name, rs) -> g.add(GroupSummary.of(name, rs)));
        this.groups = List.copyOf(g);
    }

    /**
     * The runs' results.
     * @return In run order.
     */
    public List<RunResult> results() {
        return results;
    }

    /**
     * The groups' summaries.
     * @return In order of first appearance.
     */
    public List<GroupSummary> groups() {
        return groups;
    }
}
