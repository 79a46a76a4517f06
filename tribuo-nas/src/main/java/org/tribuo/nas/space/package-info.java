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
 * What every search space implements and exchanges, and nothing else: the
 * {@link org.tribuo.nas.space.SearchSpace} contract (a configurable component), the
 * {@link org.tribuo.nas.space.Genotype} and its {@link org.tribuo.nas.space.CellGraph}, the
 * supernet and network settings, the {@link org.tribuo.nas.space.OpSelection} a search shares with
 * its mixed edges, and the final-training regularization a space's networks support. The spaces
 * themselves live side by side in {@code nb201}, {@code darts} and {@code tabular} (or in a user's
 * own package); {@code LayeringTest} keeps this package free of them.
 */
package org.tribuo.nas.space;
