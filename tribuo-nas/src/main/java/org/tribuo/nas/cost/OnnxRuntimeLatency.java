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

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Latency on ONNX Runtime's CPU provider: each block is exported as {@link BlockGraph} and run in
 * its own session with the given intra-op threads (one inter-op thread, sequential execution, all
 * graph optimizations), on one batch of the given size.
 */
final class OnnxRuntimeLatency extends LatencyMeter {

    private final OrtEnvironment env;
    private final int threads;
    private final Timing timing;

    /**
     * Creates the meter.
     * @param threads Intra-op threads of every session.
     * @param timing Warm-up and repetitions.
     * @throws IllegalStateException if ONNX Runtime is not on the class path.
     */
    OnnxRuntimeLatency(int threads, Timing timing) {
        try {
            this.env = OrtEnvironment.getEnvironment();
        } catch (NoClassDefFoundError | UnsatisfiedLinkError e) {
            throw new IllegalStateException("costModel runtime ONNX_RUNTIME needs com.microsoft.onnxruntime:onnxruntime "
                    + "on the class path (the CLI and the examples have it; add it to your application)", e);
        }
        this.threads = threads;
        this.timing = timing;
    }

    @Override
    double time(Block block, Shape input) {
        byte[] model = BlockGraph.of(block, input).toByteArray();
        long batch = input.get(0);
        long features = input.size() / batch;
        float[] values = new float[Math.toIntExact(input.size())];
        SplittableRandom rng = new SplittableRandom(17);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), new long[]{batch, features})) {
                Map<String, OnnxTensor> feed = Map.of(session.getInputNames().iterator().next(), tensor);
                return timing.medianMillis(() -> run(session, feed));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not run the graph of " + describe(block) + " on " + input
                    + ": " + e.getMessage(), e);
        }
    }

    private static void run(OrtSession session, Map<String, OnnxTensor> feed) {
        try (OrtSession.Result result = session.run(feed)) {
            result.get(0);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed while timing: " + e.getMessage(), e);
        }
    }

    private static String describe(Block block) {
        return block == null ? "the empty graph" : block.getClass().getSimpleName();
    }

    @Override
    public String describe() {
        return "ONNX Runtime " + env.getVersion() + " (CPU), " + threads + (threads == 1 ? " thread" : " threads")
                + ", warm-up " + timing.warmup() + ", median of " + timing.repetitions();
    }

    @Override
    public void close() {
        // sessions are closed after each measurement; the environment is shared by the process
    }
}
