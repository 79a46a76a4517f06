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

package org.tribuo.nas.repro;

/**
 * What a reproduction found, from strictest to weakest.
 */
public enum Verdict {
    /** Same genotype and every prediction bit for bit: the promise on the same machine type and thread count. */
    IDENTICAL,
    /**
     * Same genotype, and the predicted labels agree on at least
     * {@link Reproduction#EQUIVALENT_LABEL_AGREEMENT} of the examples: the promise elsewhere
     * (another CPU, thread count or library build rounds floats differently).
     */
    EQUIVALENT,
    /** Another genotype, or labels that agree less often. */
    DIFFERENT
}
