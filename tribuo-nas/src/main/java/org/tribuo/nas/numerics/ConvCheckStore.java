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

package org.tribuo.nas.numerics;

import org.tribuo.nas.util.Digests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The convolution self-check's measurements kept on disk, so that a machine measures each CPU
 * convolution signature once rather than once per process.
 * <p>
 * One file per machine kind ({@link MachineKey}: libtorch version, CPU model and instruction-set
 * flags, operating system), its first line the key in words, then one line per measured shape:
 * the shape ({@link ConvSignature#describe()}, which names the data type, device and thread count)
 * and each route's relative errors. A verdict read here is the verdict the same measurements gave
 * when they were taken ({@link ConvVerdict#decide}), so the tolerance is applied afresh. Lines
 * that do not parse (a write cut short) are ignored and measured again. Only CPU shapes are kept:
 * the key does not name a GPU.
 */
final class ConvCheckStore {

    private static final Logger logger = Logger.getLogger(ConvCheckStore.class.getName());
    private static final String HEADER = "# tribuo-nas convolution self-check, ";

    private final Path file;
    private final Map<String, List<RouteCheck>> known = new ConcurrentHashMap<>();
    private final Object writing = new Object();

    private ConvCheckStore(Path file) {
        this.file = file;
    }

    /**
     * Opens (or starts) the store of a machine kind in a directory.
     * @param directory Where the stores live; made if missing.
     * @param machineKey The machine kind ({@link MachineKey#describe()}).
     * @return The store, with what the file holds loaded.
     */
    static ConvCheckStore open(Path directory, String machineKey) {
        Path file = directory.resolve("convolution-checks-" + Digests.shortSha256(machineKey) + ".tsv");
        ConvCheckStore store = new ConvCheckStore(file);
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                store.load();
            } else {
                Files.writeString(file, HEADER + machineKey + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the convolution check store " + file, e);
        }
        return store;
    }

    /** The file this store reads and appends to. */
    Path file() {
        return file;
    }

    /**
     * The measurements of a shape, if this machine kind has taken them.
     * @param shape The measured shape ({@link ConvSignature#measuredShape()}).
     * @return Its route checks, or empty.
     */
    Optional<List<RouteCheck>> find(ConvSignature shape) {
        return Optional.ofNullable(known.get(shape.describe()));
    }

    /**
     * Records the measurements of a shape, in memory and appended to the file.
     * @param shape The measured shape.
     * @param checks Its route checks.
     */
    void save(ConvSignature shape, List<RouteCheck> checks) {
        String key = shape.describe();
        StringBuilder line = new StringBuilder(key);
        for (RouteCheck c : checks) {
            line.append('\t').append(c.route()).append(' ').append(number(c.forwardError())).append(' ')
                    .append(number(c.inputGradientError())).append(' ').append(number(c.weightGradientError()));
        }
        synchronized (writing) {
            if (known.putIfAbsent(key, List.copyOf(checks)) != null) {
                return;
            }
            try {
                Files.writeString(file, line.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                logger.warning("could not append to the convolution check store " + file + ": " + e.getMessage());
            }
        }
    }

    private void load() throws IOException {
        int ignored = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            List<RouteCheck> checks = fields.length > 1 ? parse(fields) : null;
            if (checks == null) {
                ignored++;
            } else {
                known.put(fields[0], checks);
            }
        }
        if (ignored > 0) {
            int count = ignored;
            logger.warning(() -> count + " unreadable lines in the convolution check store " + file + "; those shapes are measured again");
        }
    }

    private static List<RouteCheck> parse(String[] fields) {
        List<RouteCheck> checks = new ArrayList<>();
        for (int i = 1; i < fields.length; i++) {
            String[] parts = fields[i].split(" ");
            if (parts.length != 4) {
                return null;
            }
            try {
                checks.add(new RouteCheck(ConvRoute.valueOf(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return checks;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : (Double.isNaN(v) ? "NaN" : "Infinity");
    }
}
