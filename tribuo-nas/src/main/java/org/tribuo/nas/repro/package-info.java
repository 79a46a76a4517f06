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
 * Reproduction of a trained {@link org.tribuo.nas.GaeaModel} from its provenance alone: the
 * trainer and the training data source are rebuilt through OLCUT's configuration system, the
 * model is retrained, and genotype, predictions and provenance are compared.
 * <p>
 * Tribuo's own {@code tribuo-reproducibility} module is not on Maven Central; this package
 * implements the part of it tribuo-nas needs (a {@code ConfigurableDataSource} wrapped in a
 * {@code MutableDataset}).
 */
package org.tribuo.nas.repro;
