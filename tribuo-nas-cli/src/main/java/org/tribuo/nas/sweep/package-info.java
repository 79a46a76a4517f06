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

/**
 * Sweeps: one experiment configuration run for every combination of a set of axes (seeds,
 * architecture updates, spaces, data sets...), each run in its own folder with the usual outputs,
 * resumable, summarised per group as Markdown, CSV and an HTML page. {@link org.tribuo.nas.sweep.Sweep}
 * is the definition, {@link org.tribuo.nas.sweep.SweepRunner} runs one run (locally or as a cluster
 * task), {@link org.tribuo.nas.sweep.LocalSweep} runs them all in this JVM.
 */
package org.tribuo.nas.sweep;
