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

package org.tribuo.nas.numerics;

/**
 * A convolution that no route computes right on this engine and device: training on it would use
 * wrong gradients, so the run stops before the step that would.
 */
public final class IncorrectConvolutionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient ConvVerdict verdict;

    /**
     * Creates the exception.
     * @param verdict The failed verdict.
     */
    public IncorrectConvolutionException(ConvVerdict verdict) {
        super("the engine computes the convolution " + verdict.signature().describe() + " wrong through every route ("
                + verdict.describe() + "); use channel counts that are multiples of " + ConvRoute.VECTOR_CHANNELS
                + " (e.g. searchChannels / finalChannels / C = 16, 32, 48), or switch the convolution check off "
                + "(the trainer setting checkConvolutions=false) to train anyway, which the model's provenance then records");
        this.verdict = verdict;
    }

    /**
     * The verdict.
     * @return The failed verdict.
     */
    public ConvVerdict verdict() {
        return verdict;
    }
}
