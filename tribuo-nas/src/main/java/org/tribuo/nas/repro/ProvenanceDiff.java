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

package org.tribuo.nas.repro;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two provenances entry by entry: both are flattened into sorted maps from dotted keys
 * ({@code trainer.seed}, {@code dataset.datasource.outputFactory.class-name},
 * {@code instance-values.genotype}) to values, and the keys whose values differ are reported.
 * <p>
 * Entries that record when something happened ({@link #VOLATILE_KEYS}) differ on every run and
 * are left out of {@link #diff}.
 */
public final class ProvenanceDiff {

    /** Last key segments that record a wall-clock time and so always differ between runs. */
    public static final Set<String> VOLATILE_KEYS = Collections.unmodifiableSet(
            new TreeSet<>(List.of("trained-at", "datasource-creation-time")));

    private ProvenanceDiff() {}

    /**
     * Flattens a provenance into dotted keys and string values. Lists use their index as key segment.
     * @param provenance The provenance.
     * @return A sorted map from key to value.
     */
    public static SortedMap<String, String> flatten(ObjectProvenance provenance) {
        SortedMap<String, String> out = new TreeMap<>();
        walk("", provenance, out);
        return out;
    }

    private static void walk(String key, Provenance p, SortedMap<String, String> out) {
        if (p == null) {
            out.put(key, "null");
        } else if (p instanceof PrimitiveProvenance<?> primitive) {
            out.put(key, String.valueOf(primitive.getValue()));
        } else if (p instanceof ObjectProvenance object) {
            for (Pair<String, Provenance> child : object) {
                walk(join(key, child.getA()), child.getB(), out);
            }
        } else if (p instanceof MapProvenance<?> map) {
            for (Pair<String, ? extends Provenance> child : map) {
                walk(join(key, child.getA()), child.getB(), out);
            }
        } else if (p instanceof ListProvenance<?> list) {
            List<? extends Provenance> items = list.getList();
            if (items.isEmpty()) {
                out.put(key, "[]");
            }
            for (int i = 0; i < items.size(); i++) {
                walk(join(key, Integer.toString(i)), items.get(i), out);
            }
        } else {
            out.put(key, p.toString());
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /**
     * The entries whose values differ, or that only one side has, in key order; entries whose last
     * key segment is in {@link #VOLATILE_KEYS} are ignored.
     * @param original The original provenance.
     * @param reproduced The reproduced provenance.
     * @return The differences, empty when the provenances agree.
     */
    public static List<ProvenanceDifference> diff(ObjectProvenance original, ObjectProvenance reproduced) {
        SortedMap<String, String> a = flatten(original);
        SortedMap<String, String> b = flatten(reproduced);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<ProvenanceDifference> out = new ArrayList<>();
        for (String key : keys) {
            if (VOLATILE_KEYS.contains(lastSegment(key))) {
                continue;
            }
            String va = a.get(key);
            String vb = b.get(key);
            if (va == null || !va.equals(vb)) {
                out.add(new ProvenanceDifference(key, va == null ? ProvenanceDifference.ABSENT : va,
                        vb == null ? ProvenanceDifference.ABSENT : vb));
            }
        }
        return out;
    }

    private static String lastSegment(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /**
     * Formats differences as an aligned, readable list, one key per block; long values are shortened.
     * @param differences The differences.
     * @param maxValueLength Longest value shown in full; longer ones are cut with an ellipsis.
     * @return The text, or {@code "(no differences)"}.
     */
    public static String format(List<ProvenanceDifference> differences, int maxValueLength) {
        if (differences.isEmpty()) {
            return "(no differences)";
        }
        StringBuilder sb = new StringBuilder();
        for (ProvenanceDifference d : differences) {
            sb.append(d.key()).append('\n')
                    .append("    original:   ").append(shorten(d.original(), maxValueLength)).append('\n')
                    .append("    reproduced: ").append(shorten(d.reproduced(), maxValueLength)).append('\n');
        }
        return sb.toString();
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, Math.max(0, max - 3)) + "...";
    }
}
