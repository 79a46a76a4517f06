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

package org.tribuo.nas.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies a Java array into a tensor whose memory the native library owns, through one reusable
 * direct buffer per thread.
 * <p>
 * DJL's {@code NDManager.create(float[], Shape)} stages the values in a new direct buffer, and on
 * CPU the tensor keeps using that buffer, which only a garbage collection frees. A training loop
 * makes a batch per step and little Java garbage, so with a large heap these buffers piled up to
 * gigabytes between collections (the JVM allows as much direct memory as heap); here the tensor
 * is a native copy, freed when its manager closes.
 */
final class TensorStaging {

    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> allocate(1 << 16));

    private TensorStaging() {}

    /**
     * A FLOAT32 tensor holding {@code values}.
     * @param manager The manager that will own the tensor.
     * @param values The values, as many as {@code shape} has elements.
     * @param shape The tensor's shape.
     * @return The tensor, on the manager's device.
     */
    static NDArray floats(NDManager manager, float[] values, Shape shape) {
        ByteBuffer buffer = buffer(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        return owned(manager, buffer, shape, DataType.FLOAT32);
    }

    /**
     * An INT64 tensor holding {@code values}.
     * @param manager The manager that will own the tensor.
     * @param values The values, as many as {@code shape} has elements.
     * @param shape The tensor's shape.
     * @return The tensor, on the manager's device.
     */
    static NDArray longs(NDManager manager, long[] values, Shape shape) {
        ByteBuffer buffer = buffer(values.length * Long.BYTES);
        buffer.asLongBuffer().put(values);
        return owned(manager, buffer, shape, DataType.INT64);
    }

    /** This thread's buffer, at least {@code bytes} long, limited to them. */
    private static ByteBuffer buffer(int bytes) {
        ByteBuffer buffer = BUFFER.get();
        if (buffer.capacity() < bytes) {
            buffer = allocate(Math.max(bytes, 2 * buffer.capacity()));
            BUFFER.set(buffer);
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    private static NDArray owned(NDManager manager, ByteBuffer staged, Shape shape, DataType type) {
        NDArray view = manager.create(staged, shape, type);
        if (!manager.getDevice().isGpu()) {
            // On CPU the tensor is a view of the staging buffer: copy it before the buffer is reused.
            try (NDArray aliasing = view) {
                return aliasing.duplicate();
            }
        }
        return view;
    }

    private static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
}
