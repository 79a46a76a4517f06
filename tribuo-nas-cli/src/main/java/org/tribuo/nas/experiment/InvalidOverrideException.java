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

package org.tribuo.nas.experiment;

/**
 * An override of a configured field that does not fit the configuration: malformed, naming a
 * component or field the file lacks, or with a value the field cannot take.
 */
public final class InvalidOverrideException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String override;
    private final String reason;

    /**
     * Creates the exception.
     * @param override The override as written ({@code component.field=value}).
     * @param reason Why it does not fit.
     * @param cause The underlying failure, or null.
     */
    public InvalidOverrideException(String override, String reason, Throwable cause) {
        super("'" + override + "': " + reason, cause);
        this.override = override;
        this.reason = reason;
    }

    /**
     * The override as written.
     * @return {@code component.field=value}.
     */
    public String override() {
        return override;
    }

    /**
     * Why it does not fit.
     * @return The reason.
     */
    public String reason() {
        return reason;
    }
}
