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
 * The tabular search space: cells of dense blocks over feature vectors (CSV or columnar data) and
 * their genotypes. The feature vectors themselves come from {@link org.tribuo.nas.data.TabularInput}.
 * <p>
 * Entry points: {@link org.tribuo.nas.tabular.TabularSearchSpace} (a
 * {@link org.tribuo.nas.space.SearchSpace} named {@code tabular}),
 * and {@link org.tribuo.nas.tabular.TabularGenotype}.
 */
package org.tribuo.nas.tabular;
