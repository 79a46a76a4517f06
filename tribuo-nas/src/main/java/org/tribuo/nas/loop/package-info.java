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
 * The training loop the search and the final training share: epochs of a {@link
 * org.tribuo.nas.loop.TrainingPhase} run by {@link org.tribuo.nas.loop.TrainingLoop} with
 * checkpoints and divergence recovery, SGD with gradient-norm clipping and its cosine schedule,
 * and the guard that refuses non-finite steps. It knows neither the search nor the final network.
 */
package org.tribuo.nas.loop;
