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

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.io.ConfigLoaderException;
import com.oracle.labs.mlrg.olcut.config.json.JsonConfigFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens OLCUT configuration files: XML, or JSON when the name ends in {@code .json}.
 */
public final class ConfigFiles {

    private static boolean jsonRegistered;

    private ConfigFiles() {}

    /**
     * Reads a configuration file.
     * @param file The file.
     * @return Its configuration manager (components are built on lookup).
     * @throws IOException If the file is missing, unreadable or not a valid configuration.
     */
    public static ConfigurationManager read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("configuration file '" + file + "' does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("configuration file '" + file + "' is not readable");
        }
        registerJson();
        try {
            return new ConfigurationManager(file.toAbsolutePath().toUri().toURL());
        } catch (ConfigLoaderException | PropertyException e) {
            throw new IOException("cannot read configuration file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static synchronized void registerJson() {
        if (!jsonRegistered) {
            ConfigurationManager.addFileFormatFactory(new JsonConfigFactory());
            jsonRegistered = true;
        }
    }
}
