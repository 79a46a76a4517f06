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

package org.tribuo.nas.cost;

import org.tribuo.nas.util.Digests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * Measured costs kept on disk per machine kind and runtime, so a machine measures each op once:
 * one tab-separated file {@code op-costs-<digest>.tsv} per key (the runtime and its version, the
 * thread count, the CPU model and flags, the OS), whose first line spells the key out. A file
 * whose first line names another key is not read (a digest collision); a torn or unreadable line
 * is measured again. A different machine, runtime version or thread count is a different file.
 */
public final class CostCache {

    private static final Logger logger = Logger.getLogger(CostCache.class.getName());
    private static final String HEADER = "# tribuo-nas op costs, ";

    private final Path file;
    private final Map<String, Double> known = new HashMap<>();
    private int reused;

    private CostCache(Path file) {
        this.file = file;
    }

    /**
     * A cache that keeps nothing beyond this process.
     * @return The cache.
     */
    public static CostCache inMemory() {
        return new CostCache(null);
    }

    /**
     * Opens (or starts) the cache of a key in a directory.
     * @param directory Where the caches live; made if missing.
     * @param key Everything the measurements depend on besides what each entry names.
     * @return The cache, with what its file holds loaded.
     * @throws UncheckedIOException if the directory or file cannot be used.
     */
    public static CostCache open(Path directory, String key) {
        Path file = directory.resolve("op-costs-" + Digests.shortSha256(key) + ".tsv");
        CostCache cache = new CostCache(file);
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                cache.load(key);
            } else {
                Files.writeString(file, HEADER + key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the op-cost cache " + file, e);
        }
        return cache;
    }

    /**
     * The file this cache reads and appends to.
     * @return The file, or empty for an in-memory cache.
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * How many costs were taken from the cache instead of measured.
     * @return The count.
     */
    public int reused() {
        return reused;
    }

    /**
     * The cost of an entry: the stored one, or measured now and stored.
     * @param entry What is measured, e.g. {@code nas-bench-201 nor_conv_3x3 (1, 16, 28, 28)}; no tab or newline.
     * @param measure Measures it.
     * @return The cost.
     */
    public synchronized double get(String entry, DoubleSupplier measure) {
        if (entry.indexOf('\t') >= 0 || entry.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a cache entry has no tab or newline: '" + entry + "'");
        }
        Double stored = known.get(entry);
        if (stored != null) {
            reused++;
            return stored;
        }
        double cost = measure.getAsDouble();
        known.put(entry, cost);
        if (file != null) {
            try {
                Files.writeString(file, entry + "\t" + cost + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                logger.warning("could not append to the op-cost cache " + file + ": " + e.getMessage());
            }
        }
        return cost;
    }

    private void load(String key) throws IOException {
        java.util.List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER + key)) {
            logger.warning("the op-cost cache " + file + " was written for another key; it is not used");
            return;
        }
        int ignored = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            Double cost = fields.length == 2 ? parse(fields[1]) : null;
            if (cost == null) {
                ignored++;
            } else {
                known.put(fields[0], cost);
            }
        }
        if (ignored > 0) {
            int count = ignored;
            logger.warning(() -> count + " unreadable lines in the op-cost cache " + file + "; those ops are measured again");
        }
    }

    private static Double parse(String text) {
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
