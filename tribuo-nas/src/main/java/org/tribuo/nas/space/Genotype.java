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
 * A discrete cell architecture of some {@link SearchSpace}: what a search finds and what the
 * final network is built from.
 * <p>
 * {@link #toString()} is the genotype's text form, which the space's
 * {@link SearchSpace#parseGenotype(String)} reads back to an equal genotype.
 */
public interface Genotype {

    /**
     * The name of the space this genotype belongs to, as in {@link SearchSpace#name()}.
     * @return The space name.
     */
    public String spaceName();

    /**
     * The cells of this genotype as graphs, for drawing (one for NAS-Bench-201 and tabular
     * genotypes; normal and reduction cells for DARTS).
     * @return The cell graphs.
     */
    public java.util.List<CellGraph> cells();

    /**
     * The text form, which the space parses back.
     * @return The genotype text.
     */
    @Override
    public String toString();
}
