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

/**
 * Range checks of configured settings, each throwing an {@link InvalidSettingException} that
 * names the setting.
 */
public final class SettingChecks {

    private SettingChecks() {}

    /**
     * Runs a component's validation as OLCUT expects it from {@code postConfig}: a bad setting
     * becomes a {@link com.oracle.labs.mlrg.olcut.config.PropertyException} naming the setting and
     * the component.
     * @param component The component being configured.
     * @param validation Its checks, throwing {@link InvalidSettingException}.
     */
    public static void validateConfigured(Object component, Runnable validation) {
        try {
            validation.run();
        } catch (InvalidSettingException e) {
            throw e.asPropertyException(component.getClass());
        }
    }

    /**
     * Requires a positive, finite value.
     * @param setting The setting's name.
     * @param value Its value.
     */
    public static void positive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidSettingException(setting, "must be positive and finite, got " + format(value));
        }
    }

    /**
     * Requires a non-negative, finite value.
     * @param setting The setting's name.
     * @param value Its value.
     */
    public static void nonNegative(String setting, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidSettingException(setting, "must be non-negative and finite, got " + format(value));
        }
    }

    /**
     * Requires a non-negative, finite value or -1, which stands for the method's reference value.
     * @param setting The setting's name.
     * @param value Its value.
     */
    public static void referenceOrNonNegative(String setting, double value) {
        if (value != -1 && !(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidSettingException(setting, "must be non-negative (or -1 for the reference value), got "
                    + format(value));
        }
    }

    /**
     * Requires a value in [0, 1).
     * @param setting The setting's name.
     * @param value Its value.
     */
    public static void fraction(String setting, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidSettingException(setting, "must be in [0, 1), got " + format(value));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
