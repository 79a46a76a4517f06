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

package org.tribuo.nas.arch;

/**
 * How the architecture weights are parameterized and updated.
 */
public enum ArchitectureGeometry {
    /**
     * GAEA: the weights live on the simplex and take exponentiated-gradient (mirror descent with
     * the entropic mirror map) steps, {@code α ← normalize(max(α ⊙ exp(−η∇α), 1e-5))}.
     */
    EXPONENTIATED_GRADIENT,
    /**
     * The DARTS baseline: logits θ, {@code α = softmax(θ)} per edge, Adam on θ.
     */
    SOFTMAX_ADAM
}
