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

package org.tribuo.nas.cli;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import org.tribuo.nas.search.ReferenceSettings;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.GaeaTrainerProvenance;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.SearchHistory;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of {@code tribuo-nas describe}: what was searched and how (from the trainer
 * provenance), the result (genotype, final α, entropy, per-epoch search history) and the full
 * provenance.
 */
final class ModelDescription {

    private final GaeaModel model;
    private final Map<String, Provenance> config;
    private final Map<String, ? extends PrimitiveProvenance<?>> instance;

    /**
     * Describes a model.
     * @param model The model.
     */
    ModelDescription(GaeaModel model) {
        this.model = model;
        TrainerProvenance trainer = model.getProvenance().getTrainerProvenance();
        this.config = trainer.getConfiguredParameters();
        this.instance = trainer.getInstanceValues();
    }

    private String setting(String key) {
        Provenance p = config.get(key);
        if (p == null) {
            p = instance.get(key);
        }
        if (p instanceof PrimitiveProvenance<?> primitive) {
            return String.valueOf(primitive.getValue());
        }
        return p == null ? "?" : p.toString();
    }

    private String modelValue(String key) {
        Provenance p = model.getProvenance().getInstanceProvenance().getMap().get(key);
        return p instanceof PrimitiveProvenance<?> primitive ? String.valueOf(primitive.getValue()) : "?";
    }

    /** A part of the trainer: its class and configured fields, e.g. {@code SearchSchedule epochs=6, ...}. */
    private String part(String key) {
        Provenance p = config.get(key);
        if (!(p instanceof ConfiguredObjectProvenance component)) {
            return p == null ? "?" : p.toString();
        }
        String className = component.getClassName();
        StringBuilder sb = new StringBuilder(className.substring(className.lastIndexOf('.') + 1));
        String separator = " ";
        for (Map.Entry<String, Provenance> e : new TreeMap<>(component.getConfiguredParameters()).entrySet()) {
            Provenance value = e.getValue();
            sb.append(separator).append(e.getKey()).append('=')
                    .append(value instanceof PrimitiveProvenance<?> primitive ? String.valueOf(primitive.getValue()) : value);
            separator = ", ";
        }
        return sb.toString();
    }

    /**
     * The full description.
     * @return The text.
     */
    String text() {
        ModelProvenance p = model.getProvenance();
        StringBuilder sb = new StringBuilder();
        row(sb, "Genotype", model.genotype().toString());
        row(sb, "Search space", model.searchSpace().name() + ", ops " + model.ops());
        String resolved = modelValue(GaeaTrainer.RESOLVED_SETTINGS);
        row(sb, "Resolved settings", resolved);
        reference(resolved).ifPresent(r -> row(sb, "Reference", r));
        row(sb, "Space", part("space"));
        row(sb, "Arch. update", part("architectureUpdate"));
        row(sb, "Relaxation", part("relaxation"));
        row(sb, "Search", part("search"));
        row(sb, "Final training", part("finalTraining"));
        row(sb, "Final network", String.format(Locale.ROOT, "C=%d depth %d%s", model.channels(), model.depth(),
                model.hasAuxiliaryHead() ? " with auxiliary head" : ""));
        row(sb, "Input format", part("input"));
        row(sb, "Input", model.imageShape() + " images, " + model.getOutputIDInfo().size() + " classes "
                + model.getOutputIDInfo().getDomain());
        row(sb, "Seed", setting("seed") + " (train invocation " + setting(TrainerProvenance.TRAIN_INVOCATION_COUNT) + ")");
        row(sb, "Device", setting("device") + " -> trained on " + modelValue(GaeaModel.DEVICE));
        row(sb, "Versions", "DJL " + setting(GaeaTrainerProvenance.DJL_VERSION) + ", PyTorch "
                + setting(GaeaTrainerProvenance.PYTORCH_VERSION) + ", Tribuo " + p.getTribuoVersion()
                + ", Java " + p.getJavaVersion() + " (" + p.getOS() + " " + p.getArch() + ")");
        row(sb, "Convolutions", modelValue(GaeaModel.CONVOLUTION_CHECK));
        model.cost().ifPresent(cost -> row(sb, "Cost", cost.toString()));
        String routed = modelValue(GaeaModel.CONVOLUTIONS_ROUTED);
        if (!routed.isEmpty() && !routed.equals("?")) {
            for (String signature : routed.split("; ")) {
                row(sb, "  routed", signature);
            }
        }
        row(sb, "Trained at", String.valueOf(p.getTrainingTime()));
        row(sb, "Training data", p.getDatasetProvenance().getNumExamples() + " examples from "
                + p.getDatasetProvenance().getSourceProvenance().getClassName());
        sb.append('\n');
        appendAlpha(sb);
        sb.append('\n');
        appendHistory(sb);
        sb.append('\n').append("Provenance:\n").append(ProvenanceUtil.formattedProvenanceString(p).stripTrailing()).append('\n');
        return sb.toString();
    }

    /** The method's row of the reference table, for the {@code method=} the resolved settings name. */
    private static Optional<String> reference(String resolved) {
        Matcher m = Pattern.compile("method=([^,]+),").matcher(resolved);
        if (!m.find()) {
            return Optional.empty();
        }
        return ReferenceSettings.all().stream().filter(r -> r.method().equals(m.group(1))).map(ReferenceSettings::toString)
                .findFirst();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "%-15s %s%n", name + ":", value));
    }

    private void appendAlpha(StringBuilder sb) {
        float[][] alpha = model.alpha();
        String[] ops = model.ops().toArray(new String[0]);
        String entropy = modelValue(GaeaModel.MEAN_ENTROPY);
        try {
            entropy = String.format(Locale.ROOT, "%.4f (uniform: %.4f)", Double.parseDouble(entropy), Math.log(ops.length));
        } catch (NumberFormatException e) {
            // keep the recorded text
        }
        sb.append("Final architecture weights (alpha), mean entropy ").append(entropy).append(":\n");
        int width = 8;
        for (String op : ops) {
            width = Math.max(width, op.trim().length());
        }
        sb.append(String.format(Locale.ROOT, "  %-12s", "edge"));
        for (String op : ops) {
            sb.append(String.format(Locale.ROOT, "  %" + width + "s", op.trim()));
        }
        sb.append('\n');
        for (int e = 0; e < alpha.length; e++) {
            String edge = model.searchSpace().edgeName(e);
            sb.append(String.format(Locale.ROOT, "  %-12s", edge));
            float max = Float.NEGATIVE_INFINITY;
            for (float v : alpha[e]) {
                max = Math.max(max, v);
            }
            for (float v : alpha[e]) {
                sb.append(String.format(Locale.ROOT, "  %" + width + "s", String.format(Locale.ROOT, "%s%.4f",
                        v == max ? "*" : "", v)));
            }
            sb.append('\n');
        }
    }

    private void appendHistory(StringBuilder sb) {
        SearchHistory history = model.searchHistory();
        sb.append("Search history:\n");
        if (history.epochs().isEmpty()) {
            sb.append("  none: a random cell drawn with the run's seed (the trainer's randomCell, a baseline)\n");
            return;
        }
        boolean costed = !history.epochs().isEmpty() && history.epochs().get(0).expectedCost() != null;
        sb.append(String.format(Locale.ROOT, "  %5s  %8s  %8s  %8s  %8s  %8s  %7s  %s%s%n",
                "epoch", "lr", "loss", "accuracy", "held-out", "entropy", "seconds",
                costed ? String.format(Locale.ROOT, "%10s  %8s  ", "E[cost]", "lambda") : "", "genotype"));
        for (EpochRecord r : history.epochs()) {
            sb.append(String.format(Locale.ROOT, "  %5d  %8.5f  %8.4f  %8.4f  %8s  %8.4f  %7.1f  %s%s%n",
                    r.epoch(), r.weightLearningRate(), r.trainLoss(), r.trainAccuracy(),
                    r.heldOutAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.heldOutAccuracy()),
                    r.meanEntropy(), r.seconds(),
                    costed ? String.format(Locale.ROOT, "%10.4g  %8.3g  ", r.expectedCost(), r.costMultiplier()) : "",
                    r.genotype()));
        }
    }
}
