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

package org.tribuo.nas.runtime;

import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;

import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an audit needs to know about where a model was trained, beyond the versions: the source
 * commit, the search cell implementation, PyTorch's thread counts, the CPU and its vector
 * instructions, or the GPU. Float results depend on all of them: the same seed gives the same
 * model bit for bit only on the same machine type with the same threads (docs/reliability.md).
 */
public final class RuntimeEnvironment {

    /** Key: the git commit tribuo-nas was built from. */
    public static final String SOURCE_COMMIT = "source-commit";
    /** Key: the search supernet's cell implementation. */
    public static final String CELL_IMPLEMENTATION = "cell-implementation";
    /** Key: PyTorch's intra-op threads. */
    public static final String INTRA_OP_THREADS = "intra-op-threads";
    /** Key: PyTorch's inter-op threads. */
    public static final String INTER_OP_THREADS = "inter-op-threads";
    /** Key: the CPU model. */
    public static final String CPU = "cpu";
    /** Key: the CPU's vector instruction sets that the math libraries choose kernels by. */
    public static final String INSTRUCTION_SET = "instruction-set";
    /** Key: the GPU (CUDA version, compute capability, memory), or {@code none}. */
    public static final String GPU = "gpu";
    /** Every key, in report order. */
    public static final List<String> KEYS = List.of(SOURCE_COMMIT, CELL_IMPLEMENTATION, INTRA_OP_THREADS,
            INTER_OP_THREADS, CPU, INSTRUCTION_SET, GPU);

    /** The search cells tribuo-nas trains (the fused form of the reference cells). */
    public static final String SEARCH_CELLS = "fused";

    private static final Set<String> VECTOR_FLAGS = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw",
            "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16", "neon", "asimd", "sve", "sve2");

    /** The CPU does not change while the process runs: /proc/cpuinfo is read once. */
    private static final Map<String, String> CPUINFO = cpuinfo();

    private RuntimeEnvironment() {}

    /**
     * Describes this process's environment.
     * @param device The device the model trains on.
     * @param sourceCommit The commit tribuo-nas was built from, as the caller's build recorded it.
     * @return Every key of {@link #KEYS} with its value.
     */
    public static Map<String, String> describe(Device device, String sourceCommit) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(SOURCE_COMMIT, sourceCommit);
        facts.put(CELL_IMPLEMENTATION, SEARCH_CELLS);
        facts.put(INTRA_OP_THREADS, Integer.toString(JniUtils.getNumThreads()));
        facts.put(INTER_OP_THREADS, Integer.toString(JniUtils.getNumInteropThreads()));
        Map<String, String> cpuinfo = CPUINFO;
        facts.put(CPU, cpuinfo.getOrDefault("model name", System.getProperty("os.arch")) + " ("
                + Runtime.getRuntime().availableProcessors() + " processors)");
        facts.put(INSTRUCTION_SET, vectorFlags(cpuinfo.getOrDefault("flags", cpuinfo.getOrDefault("Features", ""))));
        facts.put(GPU, device.isGpu() ? gpu(device) : "none");
        return facts;
    }

    private static String gpu(Device device) {
        MemoryUsage memory = CudaUtils.getGpuMemory(device);
        return String.format(Locale.ROOT, "gpu:%d, CUDA %s, compute capability %s, %.1f GiB", device.getDeviceId(),
                CudaUtils.getCudaVersionString(), CudaUtils.getComputeCapability(device.getDeviceId()),
                memory.getMax() / 1073741824.0);
    }

    private static String vectorFlags(String flags) {
        Set<String> found = new TreeSet<>();
        for (String flag : flags.trim().split("\\s+")) {
            if (VECTOR_FLAGS.contains(flag)) {
                found.add(flag);
            }
        }
        return found.isEmpty() ? "unknown" : String.join(" ", found);
    }

    /** The first processor's entries of /proc/cpuinfo (Linux); empty elsewhere. */
    private static Map<String, String> cpuinfo() {
        Map<String, String> entries = new LinkedHashMap<>();
        Path file = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() && !entries.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    entries.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            entries.clear();
        }
        return entries;
    }
}
