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
 * tribuo-nas: neural architecture search with GAEA (geometry-aware gradient NAS) for Tribuo.
 * {@link org.tribuo.nas.GaeaTrainer} searches a cell and trains the found network in one
 * {@code train} call; {@link org.tribuo.nas.GaeaModel} predicts with it. The trainer is composed
 * of configurable parts: a search space ({@code nb201}, {@code darts}, {@code tabular}, or a
 * user's own {@link org.tribuo.nas.space.SearchSpace}), an architecture update and relaxation
 * ({@code search}), a search schedule and a final training. {@code LayeringTest} documents and
 * enforces the package layering.
 */
package org.tribuo.nas;
