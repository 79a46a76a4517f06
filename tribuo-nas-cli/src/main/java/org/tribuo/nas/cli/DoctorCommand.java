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

package org.tribuo.nas.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;

import org.tribuo.nas.TribuoNasVersion;
import org.tribuo.nas.numerics.CheckedConvolutions;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.runtime.DjlRuntime;
import org.tribuo.nas.runtime.Devices;

import java.io.PrintStream;
import java.lang.management.MemoryUsage;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code tribuo-nas doctor}: what the command line runs on (Java, DJL, the PyTorch natives and
 * where they were loaded from, threads, offline mode, the GPUs DJL sees) and whether the chosen
 * device works; exits with {@link TribuoNasCli#EXIT_RUNTIME} and advice when it does not.
 */
final class DoctorCommand implements Command {

    private static final String GPU_ADVICE = """
            To run on an NVIDIA GPU, give DJL CUDA natives of PyTorch 2.7.1 (README, "On a GPU"):
              online:  a distribution built with -DskipCpuNatives, run with --online (DJL downloads them), or
              offline: PYTORCH_LIBRARY_PATH=<libtorch cu128 lib dir> PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128""";

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "check Java, DJL, the PyTorch natives and the devices; fails when --device is not usable";
    }

    @Override
    public String synopsis() {
        return "[--device D] [--numerics [--widths C,C...] [--config FILE]]";
    }

    @Override
    public String description() {
        return """
                Prints the versions of tribuo-nas, Java, DJL and PyTorch, the natives' flavor and the directory
                they were loaded from, the thread settings, DJL's offline flag, and the GPUs DJL sees with their
                memory; then runs one small computation on the device. Exits with 3, saying what to do, when the
                natives do not load or the device is not usable.
                --numerics also checks the engine's convolutions against float64 on the device, as every run does
                at its start, and prints a row per shape and memory layout with the relative errors of the output
                and of the input and weight gradients, and the route a run takes (docs/known-issues.md): a default
                set of shapes, those of the --widths given, and those of a configuration's search and final
                widths. Exits with 3 if a shape has no right route (training would refuse it).""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.value("device", "D", "the device to check: auto, cpu, gpu or gpu:N (default: auto)"),
                OptionSpec.flag("numerics", "check the engine's convolutions against float64 and print the table"),
                OptionSpec.value("widths", "C,C...", "with --numerics: also the shapes of networks of these channel widths"),
                OptionSpec.value("config", "FILE", "with --numerics: also the shapes of this configuration's search and final widths"));
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        if (!args.has("numerics") && (args.has("widths") || args.has("config"))) {
            throw new UsageException("--widths and --config go with --numerics");
        }
        Set<Integer> widths = args.has("numerics") ? widths(args) : Set.of();
        PrintStream out = console.out();
        String setting = args.value("device").orElse("auto");
        row(out, "tribuo-nas", TribuoNasVersion.VERSION);
        row(out, "java", Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")");
        row(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        row(out, "djl", Engine.getDjlVersion() + ", offline=" + Utils.isOfflineMode() + " (ai.djl.offline; --online turns it off)");
        row(out, "djl cache", String.valueOf(Utils.getEngineCacheDir()));
        for (String name : new String[]{"PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR"}) {
            String value = Utils.getEnvOrSystemProperty(name);
            if (value != null) {
                row(out, name, value);
            }
        }
        Engine engine;
        try {
            engine = DjlRuntime.engine();
        } catch (RuntimeException | LinkageError e) {
            row(out, "engine", "NOT LOADED: " + TribuoNasCli.describe(e));
            String why = Utils.isOfflineMode()
                    ? "DJL's offline mode is on, so they must be on the class path (pytorch-native-cpu), or in"
                      + " PYTORCH_LIBRARY_PATH; --online lets DJL download them."
                    : "DJL could not download them (is publish.djl.ai reachable?); PYTORCH_LIBRARY_PATH can point at a local libtorch.";
            console.err().println(UsageText.PROGRAM + " doctor: the PyTorch natives did not load. " + why + "\n" + GPU_ADVICE);
            return TribuoNasCli.EXIT_RUNTIME;
        }
        String natives = LibUtils.getLibtorchPath();
        row(out, "engine", engine.getEngineName() + " " + engine.getVersion() + ", flavor " + flavor(natives));
        row(out, "natives", natives);
        row(out, "threads", "intra-op " + JniUtils.getNumThreads() + " (ai.djl.pytorch.num_threads), inter-op "
                + JniUtils.getNumInteropThreads() + " (ai.djl.pytorch.num_interop_threads)");
        row(out, "conv. checks", CheckedConvolutions.storeFile().map(f -> f + " (measurements kept across runs)")
                .orElse("kept in each process only (" + CheckedConvolutions.STORE_PROPERTY + "=off)"));
        int gpus = engine.getGpuCount();
        row(out, "cuda", CudaUtils.hasCuda() ? CudaUtils.getCudaVersionString() : "not found");
        row(out, "gpus", String.valueOf(gpus));
        for (int i = 0; i < gpus; i++) {
            MemoryUsage memory = CudaUtils.getGpuMemory(Device.gpu(i));
            row(out, "  gpu:" + i, String.format(Locale.ROOT, "compute capability %s, %.1f GiB total, %.1f GiB in use",
                    CudaUtils.getComputeCapability(i), memory.getMax() / 1073741824.0, memory.getCommitted() / 1073741824.0));
        }
        Device device;
        try {
            device = Devices.resolve(setting);
            try (NDManager manager = engine.newBaseManager(device)) {
                float sum = manager.ones(new ai.djl.ndarray.types.Shape(64, 64)).matMul(manager.ones(new ai.djl.ndarray.types.Shape(64, 1)))
                        .sum().getFloat();
                if (sum != 64 * 64) {
                    throw new IllegalStateException("a 64x64 matrix product gave " + sum + " instead of 4096");
                }
            }
        } catch (RuntimeException e) {
            row(out, "device", setting + ": NOT USABLE: " + TribuoNasCli.describe(e));
            console.err().println(UsageText.PROGRAM + " doctor: device '" + setting + "' is not usable.\n" + GPU_ADVICE);
            return TribuoNasCli.EXIT_RUNTIME;
        }
        row(out, "device", setting + " -> " + Devices.name(device) + ": usable");
        if (!args.has("numerics")) {
            return TribuoNasCli.EXIT_OK;
        }
        NumericsTable table = new NumericsTable(device).addDefaults();
        for (int width : widths) {
            table.addWidth(width);
        }
        out.println();
        if (table.print(out) > 0) {
            console.err().println(UsageText.PROGRAM + " doctor: some convolutions are wrong through every route on "
                    + Devices.name(device) + "; training refuses networks that use them (docs/known-issues.md)");
            return TribuoNasCli.EXIT_RUNTIME;
        }
        return TribuoNasCli.EXIT_OK;
    }

    /** The widths of --widths and of the configuration's search and final networks. */
    private static Set<Integer> widths(ParsedArguments args) throws Exception {
        Set<Integer> widths = new TreeSet<>();
        for (String w : args.value("widths").map(v -> v.split(",")).orElse(new String[0])) {
            try {
                int c = Integer.parseInt(w.trim());
                if (c <= 0) {
                    throw new NumberFormatException();
                }
                widths.add(c);
            } catch (NumberFormatException e) {
                throw new UsageException("--widths: '" + w.trim() + "' is not a positive channel count");
            }
        }
        if (args.has("config")) {
            SearchSpace space = SearchCommand.load(Paths.get(args.value("config").orElseThrow()), List.of()).trainer().space();
            widths.add(space.supernetSettings().channels());
            widths.add(space.networkSettings().channels());
        }
        return widths;
    }

    /** The flavor in DJL's natives directory name, e.g. {@code cpu} in {@code 2.7.1-20250812-cpu-linux-x86_64}. */
    private static String flavor(String nativesDir) {
        String dir = nativesDir == null ? "" : java.nio.file.Paths.get(nativesDir).getFileName().toString();
        for (String part : dir.split("-")) {
            if (part.equals("cpu") || part.matches("cu\\d+.*|rocm.*")) {
                return part;
            }
        }
        String configured = Utils.getEnvOrSystemProperty("PYTORCH_FLAVOR");
        return configured != null ? configured : "unknown";
    }

    private static void row(PrintStream out, String key, String value) {
        out.printf(Locale.ROOT, "%-20s %s%n", key, value);
    }
}
