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
package org.tribuo.nas.util;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

/**
 * A configured setting has a value it cannot take. The message names the setting and says what
 * is expected; {@link #setting()} names it for configuration errors.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * Creates the exception.
     * @param setting The setting's name, e.g. {@code epochs}.
     * @param problem What is wrong, e.g. {@code must be positive, got 0}.
     */
    public InvalidSettingException(String setting, String problem) {
        this(setting, problem, true);
    }

    private InvalidSettingException(String setting, String message, boolean prefixed) {
        super(prefixed ? setting + " " + message : message);
        this.setting = setting;
    }

    /**
     * Attributes a complete message to a setting.
     * @param setting The setting's name.
     * @param message The message, already naming what is wrong.
     * @return The exception.
     */
    public static InvalidSettingException about(String setting, String message) {
        return new InvalidSettingException(setting, message, false);
    }

    /**
     * The setting at fault.
     * @return Its name.
     */
    public String setting() {
        return setting;
    }

    /**
     * The same problem as OLCUT reports a bad configuration.
     * @param component The component's class, named in the message.
     * @return The exception.
     */
    public PropertyException asPropertyException(Class<?> component) {
        return new PropertyException("", setting, component.getSimpleName() + ": " + getMessage());
    }
}
