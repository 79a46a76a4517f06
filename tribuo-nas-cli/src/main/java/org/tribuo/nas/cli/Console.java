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

import java.io.PrintStream;

/**
 * Where a command prints: results to {@code out}, errors and the progress bar to {@code err}.
 *
 * @param out Results.
 * @param err Errors and the progress bar.
 * @param progressBar Whether a progress bar may be drawn (an interactive terminal).
 * @param debug Whether to show stack traces and library log messages.
 */
record Console(PrintStream out, PrintStream err, boolean progressBar, boolean debug) {
}
