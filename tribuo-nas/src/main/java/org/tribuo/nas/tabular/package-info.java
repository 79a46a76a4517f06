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
 * The tabular search space: cells of dense blocks over feature vectors (CSV or columnar data),
 * their genotypes, and the conversion of Tribuo datasets into dense feature vectors.
 * <p>
 * Entry points: {@link org.tribuo.nas.tabular.TabularSearchSpace} (a
 * {@link org.tribuo.nas.space.SearchSpace} named {@code tabular}),
 * {@link org.tribuo.nas.tabular.TabularGenotype} and
 * {@link org.tribuo.nas.tabular.TabularTensorizer}.
 */
package org.tribuo.nas.tabular;
