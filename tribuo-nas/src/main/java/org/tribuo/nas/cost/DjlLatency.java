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

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;


/**
 * Latency of a DJL forward pass in inference mode on the CPU, as {@code GaeaModel.predict} runs
 * the network: each call makes its input in a fresh memory scope, runs the block and reads the
 * output back. libtorch's intra-op thread count is the process's (this library never changes it).
 */
final class DjlLatency extends LatencyMeter {

    private final NDManager manager;
    private final Timing timing;

    /**
     * Creates the meter.
     * @param manager The manager the blocks were initialized in.
     * @param timing Warm-up and repetitions.
     */
    DjlLatency(NDManager manager, Timing timing) {
        this.manager = manager;
        this.timing = timing;
    }

    @Override
    double time(Block block, Shape input) {
        return timing.medianMillis(() -> {
            try (NDManager call = manager.newSubManager()) {
                NDList x = new NDList(call.ones(input));
                NDList y = block == null ? x : block.forward(new ParameterStore(call, false), x, false);
                y.singletonOrThrow().toFloatArray();
            }
        });
    }

    @Override
    public String describe() {
        Engine engine = manager.getEngine();
        return "DJL " + Engine.getDjlVersion() + " " + engine.getEngineName() + " " + engine.getVersion() + " ("
                + Device.cpu() + "), warm-up " + timing.warmup() + ", median of " + timing.repetitions();
    }

    @Override
    public void close() {
        // the manager belongs to the caller
    }
}
