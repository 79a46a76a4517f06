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

package org.tribuo.nas.space;

/**
 * A network with drop-path regularization (DARTS-space final networks): each training forward
 * pass zeroes the output of each non-identity op of each cell per example with probability p and
 * divides the kept outputs by 1 − p.
 */
public interface DropPathControl {

    /**
     * Sets the drop probability and the masks' random source for the following training forward
     * passes. The masks are drawn from a Java random generator seeded here, so a run (and a
     * resumed run) is deterministic.
     * @param probability p in [0, 1); 0 turns drop-path off.
     * @param seed Seed of the masks of the next forward pass(es).
     */
    public void setDropPath(float probability, long seed);
}
