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

package org.tribuo.nas.repro;

import java.util.Objects;

/**
 * One provenance entry that differs between an original and a reproduced model.
 *
 * @param key The flattened key, e.g. {@code trainer.seed} or {@code dataset.datasource.features-resource-hash}.
 * @param original The original value, or {@link #ABSENT}.
 * @param reproduced The reproduced value, or {@link #ABSENT}.
 */
public record ProvenanceDifference(String key, String original, String reproduced) {

    /** The value shown for an entry that one side does not have. */
    public static final String ABSENT = "<absent>";

    /**
     * Validates the components.
     * @param key The flattened key.
     * @param original The original value.
     * @param reproduced The reproduced value.
     */
    public ProvenanceDifference {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reproduced, "reproduced");
    }

    @Override
    public String toString() {
        return key + ": original " + original + ", reproduced " + reproduced;
    }
}
