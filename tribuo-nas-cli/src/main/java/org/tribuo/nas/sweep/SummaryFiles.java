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

import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link SweepSummary} into the sweep's output folder: {@value #MARKDOWN},
 * {@value #GROUPS_CSV}, {@value #RUNS_CSV} and {@value #HTML}.
 */
public final class SummaryFiles {

    /** The Markdown summary. */
    public static final String MARKDOWN = "summary.md";
    /** One CSV row per group. */
    public static final String GROUPS_CSV = "summary.csv";
    /** One CSV row per run. */
    public static final String RUNS_CSV = "runs.csv";
    /** The HTML page with the charts. */
    public static final String HTML = "summary.html";

    private SummaryFiles() {}

    /**
     * Writes the summary files, each atomically.
     * @param dir The sweep's output folder.
     * @param title The title of the Markdown and HTML pages.
     * @param summary The summary.
     * @return The files written.
     * @throws IOException If one cannot be written.
     */
    public static List<Path> write(Path dir, String title, SweepSummary summary) throws IOException {
        AtomicFiles.writeString(dir.resolve(MARKDOWN), SummaryTables.markdown(title, summary));
        AtomicFiles.writeString(dir.resolve(GROUPS_CSV), SummaryTables.groupsCsv(summary));
        AtomicFiles.writeString(dir.resolve(RUNS_CSV), SummaryTables.runsCsv(summary));
        AtomicFiles.writeString(dir.resolve(HTML), SummaryPage.html(title, summary));
        return List.of(dir.resolve(MARKDOWN), dir.resolve(GROUPS_CSV), dir.resolve(RUNS_CSV), dir.resolve(HTML));
    }
}
