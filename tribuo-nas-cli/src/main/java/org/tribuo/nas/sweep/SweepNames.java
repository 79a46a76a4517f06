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

package org.tribuo.nas.sweep;

import com.oracle.labs.mlrg.olcut.config.PropertyException;

import java.util.regex.Pattern;

/**
 * The rule for labels of axes and their values: they name run folders, so letters, digits,
 * '.', '-' and '_' only.
 */
final class SweepNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private SweepNames() {}

    /**
     * Checks a label.
     * @param label The label.
     * @param what What it labels, for the message.
     * @throws PropertyException If it cannot name a folder.
     */
    static void checkLabel(String label, String what) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new PropertyException(String.valueOf(label), "", "the " + what + " label '" + label
                    + "' names run folders: use letters, digits, '.', '-' and '_' only, starting with a letter or digit");
        }
    }
}
