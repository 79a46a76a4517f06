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
 * The DARTS cell search space (Liu et al., ICLR 2019) with PC-DARTS partial channels and edge
 * weights, as searched by GAEA PC-DARTS: candidate ops, the search supernet, genotypes (in the
 * PyTorch {@code genotypes.py} text form) and the discrete network a genotype defines
 * (DARTS's {@code NetworkCIFAR}, with auxiliary head and drop-path).
 */
package org.tribuo.nas.darts;
