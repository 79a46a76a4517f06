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

import org.tribuo.nas.checkpoint.NetworkState;

/**
 * The search or the final training diverged: a gradient or a weight stayed non-finite. The
 * message says in which step and epoch, and where the last good checkpoint is, if any.
 */
public final class TrainingDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int epoch;

    /**
     * Creates the exception.
     * @param message What diverged, where, and the last good checkpoint.
     * @param epoch The one-based epoch in which it diverged.
     */
    public TrainingDivergedException(String message, int epoch) {
        super(message);
        this.epoch = epoch;
    }

    /**
     * The epoch in which the training diverged.
     * @return One-based epoch.
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Refuses a network state with a non-finite weight, before it could replace the last good
     * checkpoint.
     * @param network The state at the end of an epoch.
     * @param phase The phase's name, e.g. {@code search}.
     * @param epoch The epoch (1-based).
     * @param lastGood Where the last good checkpoint is, as a sentence.
     * @throws TrainingDivergedException if a weight is not finite.
     */
    public static void requireFinite(NetworkState network, String phase, int epoch, String lastGood) {
        String bad = network.firstNonFinite();
        if (bad != null) {
            throw new TrainingDivergedException("the " + phase + " diverged in epoch " + epoch + ": weight " + bad
                    + " is not finite (try a lower learning rate). " + lastGood, epoch);
        }
    }
}
