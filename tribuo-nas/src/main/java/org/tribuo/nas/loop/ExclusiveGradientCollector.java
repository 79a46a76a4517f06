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

package org.tribuo.nas.loop;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A gradient collector that waits for the process's other collectors to close: DJL's PyTorch
 * engine allows one collecting {@link GradientCollector} per process ("A PtGradientCollector is
 * already collecting"), so trainers training in several threads take their gradient steps in
 * turn. Forward passes outside a collector (prediction) still run at once.
 */
public final class ExclusiveGradientCollector implements GradientCollector {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private final GradientCollector collector;

    private ExclusiveGradientCollector(GradientCollector collector) {
        this.collector = collector;
    }

    /**
     * Waits until no other thread collects gradients, then starts collecting.
     * @param engine The engine.
     * @return The collector; closing it lets the next thread collect.
     */
    public static ExclusiveGradientCollector open(Engine engine) {
        LOCK.lock();
        try {
            return new ExclusiveGradientCollector(engine.newGradientCollector());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    @Override
    public void backward(NDArray target) {
        collector.backward(target);
    }

    @Override
    public void zeroGradients() {
        collector.zeroGradients();
    }

    @Override
    public void close() {
        try {
            collector.close();
        } finally {
            LOCK.unlock();
        }
    }
}
