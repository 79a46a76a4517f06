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

package org.tribuo.nas.examples;

/**
 * The budget of the GAEA / DARTS / random comparison.
 *
 * @param seeds Search seeds per method.
 * @param random Random genotypes.
 * @param searchImages Training images the searches use (the first ones).
 * @param searchEpochs Search epochs (batch 64, C=16, N=1 supernet).
 * @param trainImages Training images of the final training (the first ones).
 * @param trainEpochs Final-training epochs (batch 128, C=16, N=1, lr 0.05 cosine, seed 7).
 * @param versions DJL and PyTorch versions.
 */
record ComparisonSettings(int seeds, int random, int searchImages, int searchEpochs, int trainImages, int trainEpochs,
                          String versions) {}
