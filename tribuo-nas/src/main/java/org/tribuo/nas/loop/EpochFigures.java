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

/**
 * The figures every epoch of a run reports, whichever phase it belongs to.
 */
public interface EpochFigures {

    /**
     * The one-based epoch.
     * @return The epoch.
     */
    public int epoch();

    /**
     * The mean training loss over the epoch's minibatches.
     * @return The loss.
     */
    public double trainLoss();

    /**
     * The training accuracy over the epoch's minibatches.
     * @return The accuracy.
     */
    public double trainAccuracy();

    /**
     * Wall time of the epoch.
     * @return Seconds.
     */
    public double seconds();

    /**
     * One line for the log, after "epoch e/E: ".
     * @return The figures as text.
     */
    public String summary();
}
