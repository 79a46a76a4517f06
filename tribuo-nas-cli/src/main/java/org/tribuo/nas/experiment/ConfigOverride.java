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
 * A {@code --set COMPONENT.FIELD=VALUE} override of one configured field.
 *
 * @param component The component name in the configuration file, e.g. {@code trainer}.
 * @param field The field, e.g. {@code searchEpochs}.
 * @param value The value, as it would be written in the configuration file.
 */
public record ConfigOverride(String component, String field, String value) {

    /**
     * Parses {@code component.field=value}; the component name may itself contain dots (the field
     * is after the last dot before {@code =}).
     * @param text The option value.
     * @return The override.
     * @throws InvalidOverrideException If the text is not of that form.
     */
    public static ConfigOverride parse(String text) {
        int eq = text.indexOf('=');
        int dot = eq < 0 ? -1 : text.lastIndexOf('.', eq);
        if (eq < 0 || dot <= 0 || dot == eq - 1) {
            throw new InvalidOverrideException(text, "expected COMPONENT.FIELD=VALUE, e.g. search.epochs=2", null);
        }
        return new ConfigOverride(text.substring(0, dot), text.substring(dot + 1, eq), text.substring(eq + 1));
    }

    @Override
    public String toString() {
        return component + "." + field + "=" + value;
    }
}
