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
 * One experiment from an OLCUT configuration file ({@link org.tribuo.nas.experiment.ExperimentConfig}:
 * a trainer, a training source, optionally a test source) run into an output folder
 * ({@link org.tribuo.nas.experiment.ExperimentRun}): the model, provenance, history, report and
 * evaluation files that {@code tribuo-nas search} and sweeps write.
 */
package org.tribuo.nas.experiment;
