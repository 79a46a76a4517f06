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
package org.tribuo.nas.checkpoint;

/**
 * The state a training phase (the search, the final training) keeps at the end of an epoch:
 * JSON-serializable fields of its own plus the network. Each phase defines its record; this
 * package stores it without knowing what it holds.
 */
public interface PhaseState {

    /**
     * Epochs completed.
     * @return The count.
     */
    public int epochsDone();

    /**
     * The network weights and their SGD state.
     * @return The state; null in the serialized JSON (the checkpoint file stores it in binary).
     */
    public NetworkState network();

    /**
     * A copy holding another network state.
     * @param network The network state, or null.
     * @return The copy.
     */
    public PhaseState withNetwork(NetworkState network);
}
