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

package org.tribuo.nas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the tribuo-nas library on the class path, as Maven wrote it at build time.
 */
public final class TribuoNasVersion {

    private static final Properties PROPERTIES = read();

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = PROPERTIES.getProperty("version");

    /**
     * The git commit the library was built from, e.g. {@code 4cac504} ({@code +changes} when the
     * working tree had uncommitted changes), or {@code unknown} outside a git checkout.
     */
    public static final String SOURCE_COMMIT = commit(PROPERTIES);

    private TribuoNasVersion() {}

    private static String commit(Properties properties) {
        String commit = properties.getProperty("commit", "");
        if (commit.isEmpty() || commit.startsWith("${")) {
            return "unknown";
        }
        return "true".equals(properties.getProperty("dirty")) ? commit + "+changes" : commit;
    }

    private static Properties read() {
        try (InputStream in = TribuoNasVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/tribuo/nas/version.properties is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("org/tribuo/nas/version.properties was not filtered by Maven: '" + version + "'");
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/tribuo/nas/version.properties", e);
        }
    }
}
