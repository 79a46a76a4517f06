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

package org.tribuo.nas.checkpoint;

/**
 * A checkpoint cannot be used: it is damaged, was written by a different configuration or data,
 * or cannot be written. The message names the file and what is wrong.
 */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     * @param message What is wrong, naming the file.
     */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     * @param message What is wrong, naming the file.
     * @param cause The underlying failure.
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
