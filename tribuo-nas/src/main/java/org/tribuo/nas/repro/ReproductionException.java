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

/**
 * A model cannot be reproduced: its provenance lacks what retraining needs (an unsupported
 * dataset or data source, a missing trainer), or the recorded data cannot be read any more.
 */
public final class ReproductionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     * @param message What is missing and, where possible, how to fix it.
     */
    public ReproductionException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     * @param message What is missing and, where possible, how to fix it.
     * @param cause The underlying failure.
     */
    public ReproductionException(String message, Throwable cause) {
        super(message, cause);
    }
}
