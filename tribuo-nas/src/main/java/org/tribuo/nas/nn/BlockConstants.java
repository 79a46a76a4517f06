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

package org.tribuo.nas.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The constant arrays a block makes once and reuses every forward pass (index maps, unit scales,
 * pooling windows), one per name, device and data type, on a manager the block owns: a
 * sub-manager of the one it is initialized with, so they are freed with its parameters.
 */
public final class BlockConstants {

    private final String owner;
    private final Map<String, NDArray> values = new ConcurrentHashMap<>();
    private NDManager manager;

    /**
     * Creates an empty cache.
     * @param owner The owning block, named in the error when it is used before initialization.
     */
    public BlockConstants(String owner) {
        this.owner = owner;
    }

    /**
     * Makes the constants' manager a sub-manager of the block's, unless it already has an open one;
     * a new manager starts with no constants.
     * @param parent The manager the block is initialized with.
     */
    public synchronized void attach(NDManager parent) {
        if (manager == null || !manager.isOpen()) {
            values.clear();
            manager = parent.newSubManager();
        }
    }

    /**
     * The manager constants are made on.
     * @return The manager.
     * @throws IllegalStateException Before {@link #attach}.
     */
    public synchronized NDManager manager() {
        if (manager == null || !manager.isOpen()) {
            throw new IllegalStateException(owner + " is not initialized");
        }
        return manager;
    }

    /**
     * The constant of a name for the device and data type of {@code like}, made on first use.
     * @param name The constant's name.
     * @param like An array of the device and data type wanted.
     * @param make Makes the constant (on {@link #manager()}).
     * @return The constant.
     */
    public NDArray get(String name, NDArray like, Supplier<NDArray> make) {
        String key = name + '@' + like.getDevice() + '/' + like.getDataType();
        NDArray value = values.get(key);
        if (value == null) {
            // Not computeIfAbsent: making one constant may look up another.
            value = make.get();
            values.put(key, value);
        }
        return value;
    }
}
