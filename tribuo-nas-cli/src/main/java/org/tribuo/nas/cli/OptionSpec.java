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

package org.tribuo.nas.cli;

import java.util.List;
import java.util.Objects;

/**
 * One command-line option: {@code --name} followed by {@code values.size()} values.
 *
 * @param name The long name without dashes.
 * @param values Names of its values for the usage text, e.g. {@code [FILE]}; empty for a flag.
 * @param repeatable Whether it may be given more than once.
 * @param description One line for the usage text.
 */
record OptionSpec(String name, List<String> values, boolean repeatable, String description) {

    OptionSpec {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        Objects.requireNonNull(description, "description");
    }

    /** A flag. */
    static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, List.of(), false, description);
    }

    /** An option with one value. */
    static OptionSpec value(String name, String valueName, String description) {
        return new OptionSpec(name, List.of(valueName), false, description);
    }

    /** The option as written on the command line, e.g. {@code --config}. */
    String flagText() {
        return "--" + name;
    }

    /** The option with its value names, e.g. {@code --idx IMAGES LABELS}. */
    String synopsis() {
        return values.isEmpty() ? flagText() : flagText() + " " + String.join(" ", values);
    }
}
