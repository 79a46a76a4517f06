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

package org.tribuo.nas.experiment;

import org.tribuo.nas.CostSummary;
import org.tribuo.nas.search.SearchHistory;

import java.util.Optional;

/**
 * What one {@link ExperimentRun} found.
 *
 * @param genotype The searched cell.
 * @param history The search history (entropy and genotype per epoch).
 * @param testAccuracy Accuracy on the test source, if the experiment has one.
 * @param seconds Wall time of the run (of this call only, when it resumed from checkpoints).
 * @param cost The found network's predicted and measured cost, for a cost-aware search.
 */
public record ExperimentOutcome(String genotype, SearchHistory history, Optional<Double> testAccuracy, double seconds,
                                Optional<CostSummary> cost) {}
