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
 * Regularization of the final training that depends on the network a space builds.
 *
 * @param auxiliaryWeight Weight of the auxiliary head's loss; positive only for networks with an
 *                        auxiliary head ({@link NetworkSettings#auxiliaryHead()}).
 * @param dropPath Drop-path probability reached at the end of the final training, in [0, 1).
 * @param cutout Side in pixels of the cutout square (images only); 0 turns it off.
 */
public record FinalRegularization(float auxiliaryWeight, float dropPath, int cutout) {

    /** No auxiliary head, drop-path or cutout. */
    public static final FinalRegularization NONE = new FinalRegularization(0f, 0f, 0);

    /**
     * Checks the values.
     */
    public FinalRegularization {
        if (!(auxiliaryWeight >= 0) || Float.isInfinite(auxiliaryWeight)) {
            throw new IllegalArgumentException("auxiliaryWeight must be non-negative and finite, got " + auxiliaryWeight);
        }
        if (!(dropPath >= 0 && dropPath < 1)) {
            throw new IllegalArgumentException("dropPath must be in [0, 1), got " + dropPath);
        }
        if (cutout < 0) {
            throw new IllegalArgumentException("cutout must be non-negative, got " + cutout);
        }
    }
}
