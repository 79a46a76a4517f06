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

package org.tribuo.nas.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.tribuo.nas.CostSummary;
import org.tribuo.nas.experiment.ExperimentOutcome;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one finished sweep run found; written as {@code result.json} in its folder, which marks the
 * run as finished.
 *
 * @param name The run's name.
 * @param group Its group.
 * @param genotype The searched cell.
 * @param testAccuracy Accuracy on the experiment's test source; null without one.
 * @param entropy Mean edge entropy of α (nats) after each search epoch.
 * @param maxEntropy ln K for K candidate ops per edge: the entropy of a uniform α.
 * @param seconds Wall time of the call that finished the run.
 * @param costMetric For a cost-aware search, what its costs count ({@code LATENCY} in ms or
 * {@code PARAMETERS}); null otherwise.
 * @param predictedCost The found network's predicted cost; null without a cost model.
 * @param measuredCost The trained network's cost measured whole, as served; null without a cost model.
 */
public record RunResult(String name, String group, String genotype, Double testAccuracy, List<Double> entropy,
                        double maxEntropy, double seconds, String costMetric, Double predictedCost, Double measuredCost)
        implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Creates a result; the entropy list is copied.
     */
    public RunResult {
        entropy = List.copyOf(entropy);
    }

    /**
     * The result of a search without a cost model.
     * @param name The run's name.
     * @param group Its group.
     * @param genotype The searched cell.
     * @param testAccuracy Accuracy on the test source; null without one.
     * @param entropy Mean edge entropy of α after each search epoch.
     * @param maxEntropy ln K.
     * @param seconds Wall time.
     */
    public RunResult(String name, String group, String genotype, Double testAccuracy, List<Double> entropy,
                     double maxEntropy, double seconds) {
        this(name, group, genotype, testAccuracy, entropy, maxEntropy, seconds, null, null, null);
    }

    /**
     * The result of a finished experiment.
     * @param run The run.
     * @param outcome What its experiment found.
     * @return The result.
     */
    public static RunResult of(SweepRun run, ExperimentOutcome outcome) {
        List<EpochRecord> epochs = outcome.history().epochs();
        List<Double> entropy = epochs.stream().map(EpochRecord::meanEntropy).toList();
        double maxEntropy = epochs.isEmpty() ? Double.NaN : Math.log(epochs.get(0).alpha()[0].length);
        return new RunResult(run.name(), run.group(), outcome.genotype(), outcome.testAccuracy().orElse(null), entropy,
                maxEntropy, outcome.seconds(), outcome.cost().map(c -> c.metric().name()).orElse(null),
                outcome.cost().map(CostSummary::predicted).orElse(null), outcome.cost().map(CostSummary::measured).orElse(null));
    }

    /**
     * The mean edge entropy after the last search epoch.
     * @return NaN for a search of no epochs.
     */
    public double finalEntropy() {
        return entropy.isEmpty() ? Double.NaN : entropy.get(entropy.size() - 1);
    }

    /**
     * Writes the result atomically.
     * @param file The file.
     * @throws IOException If it cannot be written.
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /**
     * The result as JSON.
     * @return Indented JSON.
     * @throws IOException If it cannot be serialized.
     */
    public String toJson() throws IOException {
        return MAPPER.writeValueAsString(this);
    }

    /**
     * Parses a result.
     * @param json What {@link #toJson()} wrote.
     * @return The result.
     * @throws IOException If it cannot be parsed.
     */
    public static RunResult fromJson(String json) throws IOException {
        return MAPPER.readValue(json, RunResult.class);
    }

    /**
     * Reads a result.
     * @param file The file.
     * @return The result.
     * @throws IOException If it cannot be read or parsed.
     */
    public static RunResult read(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }
}
