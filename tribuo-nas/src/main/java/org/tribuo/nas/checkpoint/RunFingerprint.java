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

package org.tribuo.nas.checkpoint;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

import org.tribuo.nas.data.ImageData;
import org.tribuo.provenance.TrainerProvenance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run's result depends on, as named values: every trainer setting (from its provenance,
 * including the invocation count that picks the run's seed, the resolved device and the library
 * versions) and a digest of the training data. A checkpoint is only resumed by a run with an
 * equal fingerprint; otherwise the differing names are reported.
 */
public final class RunFingerprint {

    /** Key of the training data's SHA-256 (pixels, labels, shape). */
    public static final String DATA_SHA256 = "data.sha256";
    /** Key of the number of training examples. */
    public static final String DATA_EXAMPLES = "data.examples";
    /** Key of the label domain, in id order. */
    public static final String DATA_LABELS = "data.labels";

    private final Map<String, String> values;

    /**
     * Creates a fingerprint from named values.
     * @param values The values; copied and sorted by name.
     */
    public RunFingerprint(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * The fingerprint of a GaeaTrainer run.
     * @param trainer The trainer provenance of the run (taken before the invocation count moves on).
     * @param data The tensorized training data.
     * @param labels The label names in id order.
     * @return The fingerprint.
     */
    public static RunFingerprint of(TrainerProvenance trainer, ImageData data, List<String> labels) {
        Map<String, String> values = new TreeMap<>();
        flatten("trainer.", trainer, values);
        values.put(DATA_EXAMPLES, Integer.toString(data.size()));
        values.put(DATA_LABELS, String.join(",", labels));
        values.put(DATA_SHA256, digest(data));
        return new RunFingerprint(values);
    }

    /** Every value of a provenance and of its components, keyed by its path, e.g. {@code trainer.search.epochs}. */
    private static void flatten(String prefix, ObjectProvenance provenance, Map<String, String> values) {
        for (Pair<String, Provenance> p : provenance) {
            if (p.getB() instanceof ObjectProvenance component) {
                flatten(prefix + p.getA() + ".", component, values);
            } else {
                values.put(prefix + p.getA(), String.valueOf(p.getB()));
            }
        }
    }

    private static String digest(ImageData data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data.shape().toString().getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            for (float v : data.pixels()) {
                if (buffer.remaining() < Float.BYTES) {
                    sha.update(buffer.flip());
                    buffer.clear();
                }
                buffer.putFloat(v);
            }
            for (int label : data.labels()) {
                if (buffer.remaining() < Integer.BYTES) {
                    sha.update(buffer.flip());
                    buffer.clear();
                }
                buffer.putInt(label);
            }
            sha.update(buffer.flip());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The named values.
     * @return An unmodifiable sorted map.
     */
    public Map<String, String> values() {
        return values;
    }

    /**
     * A short hash of all values, for log lines.
     * @return The first 16 hex digits of the SHA-256 of the sorted name=value lines.
     */
    public String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : values.entrySet()) {
                sha.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The values that differ from another fingerprint's.
     * @param stored The fingerprint stored with a checkpoint.
     * @return One line per differing name, {@code name: checkpoint X, now Y}; empty if equal.
     */
    public List<String> differences(RunFingerprint stored) {
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(values.keySet());
        names.addAll(stored.values.keySet());
        for (String name : names) {
            String before = stored.values.get(name);
            String now = values.get(name);
            if (!Objects.equals(before, now)) {
                out.add(name + ": checkpoint " + (before == null ? "(absent)" : before) + ", now "
                        + (now == null ? "(absent)" : now));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunFingerprint f && values.equals(f.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "RunFingerprint" + values;
    }
}
