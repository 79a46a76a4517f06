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

package org.tribuo.nas.space;

/**
 * A candidate operation of a cell edge, as a space's op enum implements it: the name it has in
 * genotype strings and in the {@code ops} setting. {@link CandidateOps} looks ops up by that name
 * and checks candidate lists, the same way for every space.
 */
public interface CandidateOp {

    /**
     * The op's name in genotypes and configurations, e.g. {@code nor_conv_3x3}.
     * @return The name.
     */
    public String opName();
}
