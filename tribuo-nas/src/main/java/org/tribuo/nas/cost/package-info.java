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
 * Cost-aware search: what a network costs where it will be served (parameters, or latency
 * measured on ONNX Runtime or DJL), op by op, and the penalty that steers the architecture
 * weights towards a budget.
 * <p>
 * A {@link org.tribuo.nas.cost.CostModel} measures every candidate op at every place the final
 * network runs it ({@link org.tribuo.nas.space.CostDecomposition}) into
 * {@link org.tribuo.nas.cost.OpCosts}; a {@link org.tribuo.nas.cost.CostPenalty} adds
 * λ·E<sub>α</sub>[cost] to the architecture loss, adapts λ towards a target, and derives the most
 * probable cell within the budget. docs/cost-aware.md explains the method.
 */
package org.tribuo.nas.cost;
