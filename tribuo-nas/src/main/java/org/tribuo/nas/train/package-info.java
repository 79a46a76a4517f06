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
 * The final training: a discrete network built from a genotype and trained from scratch
 * ({@link org.tribuo.nas.train.NetworkTrainer}), its settings ({@link
 * org.tribuo.nas.train.FinalTraining}, {@link org.tribuo.nas.train.FinalTrainingConfig}) and the
 * trained network ({@link org.tribuo.nas.train.TrainedNetwork}).
 */
package org.tribuo.nas.train;
