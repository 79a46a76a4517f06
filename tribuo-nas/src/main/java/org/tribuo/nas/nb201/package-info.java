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
 * The NAS-Bench-201 search space: its five ops, the six-edge cell shared by every cell of the
 * network, the genotype codec, the supernet (plain and fused search cells) and the network of a
 * genotype. {@link org.tribuo.nas.nb201.Nb201SearchSpace} is the configurable component.
 */
package org.tribuo.nas.nb201;
