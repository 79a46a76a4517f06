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

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reproducing a model from its provenance.
 *
 * @param originalGenotype The genotype the original search found.
 * @param reproducedGenotype The genotype the reproduced search found.
 * @param predictions The comparison of the two models' predictions.
 * @param provenanceDiff The provenance entries that differ (times of day excluded, see
 *                       {@link ProvenanceDiff#VOLATILE_KEYS}).
 * @param departure The first point where the retrained run left the original (a search epoch, a
 *                  final-training epoch, or the predictions), empty when nothing differs.
 */
public record Reproduction(String originalGenotype, String reproducedGenotype, PredictionComparison predictions,
                           List<ProvenanceDifference> provenanceDiff, String departure) {

    /** The share of examples whose labels must agree for {@link Verdict#EQUIVALENT}. */
    public static final double EQUIVALENT_LABEL_AGREEMENT = 0.99;

    /** Last key segments of the provenance entries that describe the environment, not the run. */
    private static final List<String> ENVIRONMENT_KEYS = java.util.stream.Stream.concat(
            org.tribuo.nas.runtime.RuntimeEnvironment.KEYS.stream(),
            java.util.stream.Stream.of("resolved-device", "djl-version", "pytorch-version", "tribuo-nas-version",
                    "os-name", "os-arch", "java-version", "tribuo-version", "java-vm-vendor", "host-name")).toList();

    /**
     * Validates and copies the components.
     * @param originalGenotype The original genotype.
     * @param reproducedGenotype The reproduced genotype.
     * @param predictions The prediction comparison.
     * @param provenanceDiff The provenance differences.
     */
    public Reproduction {
        Objects.requireNonNull(originalGenotype, "originalGenotype");
        Objects.requireNonNull(reproducedGenotype, "reproducedGenotype");
        Objects.requireNonNull(predictions, "predictions");
        provenanceDiff = List.copyOf(provenanceDiff);
        departure = departure == null ? "" : departure;
    }

    /**
     * The verdict: {@link Verdict#IDENTICAL}, {@link Verdict#EQUIVALENT} or {@link Verdict#DIFFERENT}.
     * @return The verdict.
     */
    public Verdict verdict() {
        if (identical()) {
            return Verdict.IDENTICAL;
        }
        return genotypeEqual() && predictions.labelAgreement() >= EQUIVALENT_LABEL_AGREEMENT
                ? Verdict.EQUIVALENT : Verdict.DIFFERENT;
    }

    /**
     * The provenance differences that describe the environment (versions, device, threads, CPU,
     * source commit, ...), which explain why a run on another machine is not identical.
     * @return The differences.
     */
    public List<ProvenanceDifference> environmentDifferences() {
        return provenanceDiff.stream().filter(d -> ENVIRONMENT_KEYS.contains(lastSegment(d.key()))).toList();
    }

    private static String lastSegment(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /**
     * Whether both searches found the same cell.
     * @return True when the genotypes are equal.
     */
    public boolean genotypeEqual() {
        return originalGenotype.equals(reproducedGenotype);
    }

    /**
     * How many predictions were compared.
     * @return The count.
     */
    public int predictionsCompared() {
        return predictions.compared();
    }

    /**
     * How many predictions differ in label or in any score.
     * @return The count.
     */
    public int predictionsDiffering() {
        return predictions.differing();
    }

    /**
     * Whether the reproduction is exact: same genotype and every prediction identical.
     * @return True when identical.
     */
    public boolean identical() {
        return genotypeEqual() && predictions.differing() == 0;
    }

    /**
     * A readable report: verdict, genotypes, prediction counts, and the provenance diff when
     * anything differs.
     * @return The report.
     */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("Reproduction: ").append(verdict()).append('\n');
        sb.append("  genotype (original):   ").append(originalGenotype).append('\n');
        sb.append("  genotype (reproduced): ").append(reproducedGenotype)
                .append(genotypeEqual() ? "  (equal)" : "  (DIFFERENT)").append('\n');
        sb.append("  predictions compared:  ").append(predictions.compared()).append('\n');
        sb.append("  predictions differing: ").append(predictions.differing()).append(" (label or any score, bit for bit)\n");
        sb.append(String.format(java.util.Locale.ROOT, "  labels agreeing:       %d (%.4f; EQUIVALENT needs %.2f)%n",
                predictions.labelsAgreeing(), predictions.labelAgreement(), EQUIVALENT_LABEL_AGREEMENT));
        sb.append(String.format(java.util.Locale.ROOT, "  max |score difference|: %.3g%n", predictions.maxScoreDifference()));
        if (predictions.labelled() > 0) {
            sb.append(String.format(java.util.Locale.ROOT, "  accuracy:              %.4f original, %.4f reproduced (%+.4f) on %d labelled examples%n",
                    predictions.originalCorrect() / (double) predictions.labelled(),
                    predictions.reproducedCorrect() / (double) predictions.labelled(), predictions.accuracyDifference(),
                    predictions.labelled()));
        }
        if (!departure.isEmpty()) {
            sb.append("  first departure:       ").append(departure).append('\n');
        }
        for (String e : predictions.examples()) {
            sb.append("    ").append(e).append('\n');
        }
        List<ProvenanceDifference> environment = environmentDifferences();
        if (!environment.isEmpty()) {
            sb.append("Environment differences (").append(environment.size()).append("):\n");
            for (String line : ProvenanceDiff.format(environment, 160).split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        if (!identical() || !provenanceDiff.isEmpty()) {
            sb.append("Provenance differences (").append(provenanceDiff.size()).append("):\n");
            for (String line : ProvenanceDiff.format(provenanceDiff, 160).split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        } else {
            sb.append("Provenance: no differences (apart from times of day)\n");
        }
        return sb.toString();
    }
}
