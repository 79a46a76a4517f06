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
 * A differentiable term added to the architecture loss that depends on α alone, such as the
 * expected cost of the architecture. Its gradient is added to the loss's before each geometry
 * step, so exponentiated gradient multiplies every weight by {@code exp(−η·∂penalty/∂α)} and
 * softmax-Adam sees the same term through the softmax.
 */
public interface ArchitecturePenalty {

    /**
     * The gradient of the penalty with respect to the mixing weights α.
     * @param alpha The current α, [rows][ops].
     * @return [rows][ops].
     */
    public float[][] gradient(float[][] alpha);

    /**
     * Called after every architecture step with the new α, e.g. for a dual step on the penalty's
     * multiplier.
     * @param alpha The α after the step.
     */
    public void stepped(float[][] alpha);
}
