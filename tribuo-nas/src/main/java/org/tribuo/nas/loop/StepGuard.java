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

import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Recomputes a training step whose gradient came out non-finite.
 * <p>
 * Why: the CPU build of libtorch behind DJL (seen with PyTorch 2.7.1 and 2.5.1) returns
 * non-finite outputs and input gradients for many convolution shapes, varying from call to call
 * (docs/known-issues.md has the measurements). The convolutions a run uses are checked and routed
 * ({@code numerics.CheckedConvolutions}); this guard stays for what a check cannot foresee.
 * Recomputing the same step gave the correct value where it was seen. A step that stays non-finite after {@link #MAX_ATTEMPTS}
 * tries is a real divergence and is reported as such.
 */
public final class StepGuard {

    private static final Logger logger = Logger.getLogger(StepGuard.class.getName());

    /** How many times one step is tried before giving up. */
    public static final int MAX_ATTEMPTS = 4;

    private int retries;

    /**
     * Runs a step until it reports a finite result.
     * @param what What the step is, for messages (e.g. "architecture step 12 of epoch 3").
     * @param step Computes the step and returns true if its gradient was finite (and was applied).
     * @throws ArithmeticException if the step is non-finite every time.
     */
    public void run(String what, BooleanSupplier step) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (step.getAsBoolean()) {
                return;
            }
            retries++;
            logger.warning("non-finite gradient in " + what + " (attempt " + attempt + "), recomputing");
        }
        throw new ArithmeticException("the gradient of " + what + " is non-finite after " + MAX_ATTEMPTS
                + " attempts (try a lower learning rate)");
    }

    /**
     * Steps recomputed so far.
     * @return The retry count.
     */
    public int retries() {
        return retries;
    }
}
