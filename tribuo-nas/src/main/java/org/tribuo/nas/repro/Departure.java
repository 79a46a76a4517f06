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

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.search.EpochRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The first point where a retrained run left the original one: a search epoch (loss, accuracy,
 * entropy, genotype or α differ), a final-training epoch (its loss differs), or only the
 * predictions. Timings are not compared.
 */
final class Departure {

    private Departure() {}

    /**
     * Finds the first difference.
     * @param original The original model.
     * @param reproduced The retrained model.
     * @param predictions Their prediction comparison.
     * @return A description, or empty when nothing differs.
     */
    static String find(GaeaModel original, GaeaModel reproduced, PredictionComparison predictions) {
        List<EpochRecord> a = original.searchHistory().epochs();
        List<EpochRecord> b = reproduced.searchHistory().epochs();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String difference = difference(a.get(i), b.get(i));
            if (difference != null) {
                return "search epoch " + a.get(i).epoch() + ": " + difference;
            }
        }
        if (a.size() != b.size()) {
            return "search: " + a.size() + " epochs vs " + b.size();
        }
        String[] la = losses(original);
        String[] lb = losses(reproduced);
        if (la != null && lb != null) {
            for (int i = 0; i < Math.min(la.length, lb.length); i++) {
                if (!la[i].equals(lb[i])) {
                    return "final-training epoch " + (i + 1) + ": loss " + la[i] + " vs " + lb[i];
                }
            }
        }
        if (predictions.differing() > 0) {
            return "predictions" + (la == null || lb == null ? " (no final-training losses recorded to compare)"
                    : " (search and final training equal epoch by epoch)");
        }
        return "";
    }

    private static String difference(EpochRecord x, EpochRecord y) {
        if (Double.compare(x.trainLoss(), y.trainLoss()) != 0) {
            return String.format(Locale.ROOT, "loss %s vs %s", x.trainLoss(), y.trainLoss());
        }
        if (Double.compare(x.trainAccuracy(), y.trainAccuracy()) != 0) {
            return String.format(Locale.ROOT, "accuracy %s vs %s", x.trainAccuracy(), y.trainAccuracy());
        }
        if (!Arrays.deepEquals(x.alpha(), y.alpha())) {
            return String.format(Locale.ROOT, "alpha differs (entropy %s vs %s)", x.meanEntropy(), y.meanEntropy());
        }
        if (!x.genotype().equals(y.genotype())) {
            return "genotype " + x.genotype() + " vs " + y.genotype();
        }
        return null;
    }

    private static String[] losses(GaeaModel model) {
        Provenance p = model.getProvenance().getInstanceProvenance().getMap().get(GaeaModel.FINAL_TRAINING_LOSSES);
        return p == null ? null : p.toString().isEmpty() ? new String[0] : p.toString().split(",");
    }
}
