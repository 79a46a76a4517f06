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

import ai.djl.engine.Engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * What a CPU convolution's correctness depends on besides its signature: the engine and its
 * version, the CPU model and its instruction-set flags (oneDNN picks kernels by them), the
 * operating system and architecture. Two machines with the same key run the same kernels.
 */
public final class MachineKey {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private MachineKey() {}

    /**
     * This machine's key, in words.
     * @param engine The engine the convolutions run on.
     * @return e.g. {@code PyTorch 2.7.1 (DJL 0.36.0); Linux amd64; AMD EPYC; flags avx avx2 ...}.
     */
    public static String describe(Engine engine) {
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + "); "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; " + cpu();
    }

    /** The first processor's model name and its sorted flags, from /proc/cpuinfo where there is one. */
    public static String cpu() {
        if (!Files.isReadable(CPU_INFO)) {
            return "cpu unknown (no /proc/cpuinfo)";
        }
        try {
            List<String> lines = Files.readAllLines(CPU_INFO, StandardCharsets.UTF_8);
            String model = field(lines, "model name");
            String flags = field(lines, "flags");
            return (model == null ? "cpu model unknown" : model) + "; flags "
                    + (flags == null ? "unknown" : String.join(" ", new TreeSet<>(List.of(flags.trim().split("\\s+")))));
        } catch (IOException e) {
            return "cpu unknown (" + e.getMessage() + ")";
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
