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
 * How the supernet mixes the candidate ops of an edge.
 */
public enum Relaxation {
    /**
     * The continuous relaxation (DARTS, GAEA DARTS, PC-DARTS): every op runs and the edge outputs
     * the α-weighted sum.
     */
    CONTINUOUS,
    /**
     * Gumbel-softmax hard sampling (GDAS, GAEA GDAS): each step samples one op per edge from
     * log α + Gumbel noise; only that op runs, and the architecture gradient flows through the
     * straight-through estimator. The temperature τ falls linearly over the search.
     */
    GUMBEL
}
