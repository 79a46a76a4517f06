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

package org.tribuo.nas.search;

/**
 * Receives search progress. All methods have empty defaults.
 */
public interface SearchListener {

    /**
     * Called after every minibatch (architecture step + weight step).
     * @param epoch One-based epoch.
     * @param step One-based step within the epoch.
     * @param stepsPerEpoch Steps in an epoch.
     */
    public default void onStep(int epoch, int step, int stepsPerEpoch) {}

    /**
     * Called at the end of every epoch.
     * @param record The epoch's figures.
     */
    public default void onEpoch(EpochRecord record) {}
}
