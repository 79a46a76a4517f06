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

package org.tribuo.nas.search;

import org.tribuo.nas.arch.ExponentiatedGradient;
import org.tribuo.nas.arch.SoftmaxAdam;
import org.tribuo.nas.search.ExponentiatedGradientUpdate.NormalizeOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reference settings of one search method, as the authors' code runs it
 * ({@code gaea-spec.md} §1–§2c): the one table every part reads when a setting is left at its
 * "reference" value (0 or -1). EG's clamp floor and Adam's betas are the same for every method and
 * belong to the optimizers ({@link ExponentiatedGradient#CLAMP_MIN}, {@link SoftmaxAdam#DEFAULT_BETA1}).
 *
 * @param method The method's name, as {@link SearchMethod#name()}.
 * @param archLearningRate Step size of α and β: EG's η, or softmax-Adam's learning rate.
 * @param entropicWeight Weight λ of the entropic regularizer KL(α‖uniform) (EG only; 0 otherwise).
 * @param normalizeOrder Clamping and normalizing order of EG's α rows (null for softmax-Adam).
 * @param warmupEpochs Search epochs with the architecture frozen.
 * @param tauMax Gumbel-softmax temperature at the start (Gumbel methods).
 * @param tauMin Gumbel-softmax temperature at the end (Gumbel methods).
 */
public record ReferenceSettings(String method, float archLearningRate, float entropicWeight, NormalizeOrder normalizeOrder,
                                int warmupEpochs, float tauMax, float tauMin) {

    /** Softmax-Adam's L2 weight decay of the logits, every baseline. */
    public static final float ADAM_WEIGHT_DECAY = 1e-3f;
    /** Initial Gumbel-softmax temperature, both Gumbel methods. */
    public static final float TAU_MAX = 10f;
    /** Final Gumbel-softmax temperature, both Gumbel methods. */
    public static final float TAU_MIN = 0.1f;

    private static final Map<String, ReferenceSettings> TABLE = index(List.of(
            //          method           α/β rate  λ      EG order                          warm-up
            gaea("GAEA DARTS",           0.1f,    0f,    NormalizeOrder.CLAMP_FIRST,       0),
            adam("DARTS",                3e-4f,                                            0),
            gaea("GAEA PC-DARTS",        0.1f,    0f,    NormalizeOrder.CLAMP_FIRST,       0),
            adam("PC-DARTS",             6e-4f,                                            15),
            gaea("GAEA GDAS",            0.01f,   0.01f, NormalizeOrder.NORMALIZE_FIRST,   50),
            adam("GDAS",                 3e-4f,                                            0)));

    /**
     * The reference settings of a method.
     * @param method The method.
     * @return Its row of the table.
     */
    public static ReferenceSettings of(SearchMethod method) {
        return named(method.name());
    }

    /**
     * The reference settings of a method by name.
     * @param method The name, as in docs/methods.md (e.g. {@code GAEA PC-DARTS}).
     * @return Its row of the table.
     * @throws IllegalArgumentException naming the known methods if there is no such row.
     */
    public static ReferenceSettings named(String method) {
        ReferenceSettings row = TABLE.get(method);
        if (row == null) {
            throw new IllegalArgumentException("no reference settings for the method '" + method + "'; known: " + TABLE.keySet());
        }
        return row;
    }

    /**
     * Every row, in the order of docs/methods.md.
     * @return The table.
     */
    public static List<ReferenceSettings> all() {
        return List.copyOf(TABLE.values());
    }

    /**
     * The table as text, one method per line, for {@code describe} and the docs.
     * @return The table.
     */
    public static String table() {
        return TABLE.values().stream().map(ReferenceSettings::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Whether the method's architecture update is GAEA's exponentiated gradient.
     * @return true for the GAEA rows.
     */
    public boolean exponentiatedGradient() {
        return normalizeOrder != null;
    }

    @Override
    public String toString() {
        String update = exponentiatedGradient()
                ? String.format(Locale.ROOT, "EG η=%s, entropic weight %s, clamp %s %s", archLearningRate, entropicWeight,
                ExponentiatedGradient.CLAMP_MIN, normalizeOrder == NormalizeOrder.CLAMP_FIRST ? "then normalize" : "after normalizing")
                : String.format(Locale.ROOT, "Adam lr=%s, betas (%s, %s), weight decay %s", archLearningRate, SoftmaxAdam.DEFAULT_BETA1,
                SoftmaxAdam.DEFAULT_BETA2, ADAM_WEIGHT_DECAY);
        String gumbel = method.endsWith("GDAS") ? String.format(Locale.ROOT, ", τ %s → %s", tauMax, tauMin) : "";
        return String.format(Locale.ROOT, "%-13s %s, warm-up %d epochs%s", method, update, warmupEpochs, gumbel);
    }

    private static ReferenceSettings gaea(String method, float rate, float entropicWeight, NormalizeOrder order, int warmup) {
        return new ReferenceSettings(method, rate, entropicWeight, order, warmup, TAU_MAX, TAU_MIN);
    }

    private static ReferenceSettings adam(String method, float rate, int warmup) {
        return new ReferenceSettings(method, rate, 0f, null, warmup, TAU_MAX, TAU_MIN);
    }

    private static Map<String, ReferenceSettings> index(List<ReferenceSettings> rows) {
        Map<String, ReferenceSettings> byName = new LinkedHashMap<>();
        for (ReferenceSettings row : rows) {
            byName.put(row.method(), row);
        }
        return byName;
    }
}
