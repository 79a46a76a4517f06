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
 * Runnable benchmark harnesses (plain {@code main} programs that print tables, not tests), e.g.
 * {@link org.tribuo.nas.examples.bench.SearchStepBenchmark} for the time of one GAEA search step
 * on the NAS-Bench-201 supernet and {@link org.tribuo.nas.examples.bench.DartsStepBenchmark} for
 * the DARTS cell-space (GAEA PC-DARTS) supernet. Run them through
 * {@code scripts/bench-search-step.sh} and {@code scripts/bench-darts-step.sh}, which set the
 * threading and allocator settings the numbers depend on.
 */
package org.tribuo.nas.examples.bench;
