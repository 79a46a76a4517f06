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

package org.tribuo.nas.report;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.SearchHistory;
import org.tribuo.nas.space.SearchSpace;
import org.tribuo.nas.util.AtomicFiles;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A self-contained HTML page about one search (no network, no other file): the found cell as
 * SVG, the final metrics, the entropy and supernet curves, α per epoch as a heat map with a
 * slider over the epochs, and a summary of the provenance.
 */
public final class SearchReport {

    /** The ids of the page's sections, in order; the headless-browser check looks for each. */
    public static final List<String> SECTIONS = List.of("summary", "cell", "metrics", "entropy", "curves", "alpha",
            "provenance");

    private SearchReport() {}

    /**
     * Writes the report atomically.
     * @param file The target, e.g. {@code report.html}.
     * @param model The model.
     * @param evaluation The test evaluation, if there was a test set.
     * @param testName What the test data is (e.g. test-source), shown with the metrics.
     * @throws IOException If writing fails.
     */
    public static void write(Path file, GaeaModel model, Optional<LabelEvaluation> evaluation, String testName)
            throws IOException {
        AtomicFiles.writeString(file, html(model, evaluation, testName));
    }

    /**
     * The report's HTML.
     * @param model The model.
     * @param evaluation The test evaluation, if there was a test set.
     * @param testName What the test data is.
     * @return The page.
     */
    public static String html(GaeaModel model, Optional<LabelEvaluation> evaluation, String testName) {
        // Charts are drawn off-screen; without a display AWT must run headless.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        SearchHistory history = model.searchHistory();
        int numOps = model.alpha()[0].length;
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>tribuo-nas search report: ").append(esc(model.genotype().toString())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n")
                .append("<script>window.onerror = function (m) { document.getElementById('errors').textContent += m + '\\n'; };</script>\n")
                .append("</head>\n<body>\n<pre id=\"errors\"></pre>\n");
        h.append("<h1>GAEA search report</h1>\n");
        h.append("<section id=\"summary\"><h2>Summary</h2>\n<table>\n");
        row(h, "Genotype", "<code>" + esc(model.genotype().toString()) + "</code>");
        row(h, "Search space", esc(history.space()));
        row(h, "Geometry / scheme", esc(history.geometry() + " / " + history.scheme()));
        boolean searched = !history.epochs().isEmpty();
        if (searched) {
            row(h, "Search epochs", Integer.toString(history.epochs().size()));
            row(h, "Final mean entropy", String.format(Locale.ROOT, "%.4f (uniform: %.4f)",
                    history.epochs().get(history.epochs().size() - 1).meanEntropy(), Math.log(numOps)));
        } else {
            row(h, "Search", "none: a random cell drawn with the run's seed (the trainer's randomCell, a baseline)");
        }
        row(h, "Device", esc(history.device()));
        row(h, "Convolutions", convolutions(model));
        model.cost().ifPresent(cost -> row(h, "Cost", esc(cost.toString())));
        if (!history.epochs().isEmpty() && history.epochs().get(0).expectedCost() != null) {
            StringBuilder perEpoch = new StringBuilder();
            for (var e : history.epochs()) {
                perEpoch.append(String.format(Locale.ROOT, "%s%d: %.4g (λ %.3g)", perEpoch.length() == 0 ? "" : "; ",
                        e.epoch(), e.expectedCost(), e.costMultiplier()));
            }
            row(h, "Expected cost of α per epoch", esc(perEpoch.toString()));
        }
        evaluation.ifPresent(e -> row(h, "Test accuracy", String.format(Locale.ROOT, "%.4f on %d examples (%s)",
                e.accuracy(), e.getPredictions().size(), esc(testName))));
        h.append("</table></section>\n");

        h.append("<section id=\"cell\"><h2>Found cell</h2>\n").append(CellDiagram.svg(model.genotype())).append("</section>\n");

        h.append("<section id=\"metrics\"><h2>Final metrics</h2>\n");
        if (evaluation.isPresent()) {
            LabelEvaluation e = evaluation.get();
            h.append(String.format(Locale.ROOT, "<p>Accuracy <b>%.4f</b>, macro-averaged F1 %.4f, balanced error rate %.4f on %s.</p>%n",
                    e.accuracy(), e.macroAveragedF1(), e.balancedErrorRate(), esc(testName)));
            h.append("<pre>").append(esc(e.toString().trim())).append("</pre>\n");
            h.append("<h3>Confusion matrix</h3>\n<pre>").append(esc(e.getConfusionMatrix().toString().stripTrailing())).append("</pre>\n");
        } else {
            h.append("<p>No test data was configured, so there are no test metrics.</p>\n");
        }
        h.append("</section>\n");

        if (searched) {
            h.append("<section id=\"entropy\"><h2>Entropy of the architecture weights</h2>\n<img alt=\"mean edge entropy per epoch\" src=\"")
                    .append(ReportCharts.entropy(history, numOps)).append("\">\n</section>\n");
            h.append("<section id=\"curves\"><h2>Search curves</h2>\n<img alt=\"search loss and accuracy per epoch\" src=\"")
                    .append(ReportCharts.curves(history)).append("\">\n</section>\n");
            alphaSection(h, history, model.ops().toArray(new String[0]), model.searchSpace());
        }
        provenanceSection(h, model);
        h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void alphaSection(StringBuilder h, SearchHistory history, String[] ops, SearchSpace space) {
        List<EpochRecord> epochs = history.epochs();
        h.append("<section id=\"alpha\"><h2>Architecture weights α per epoch</h2>\n")
                .append(String.format(Locale.ROOT, "<p><label>Epoch <input id=\"epoch\" type=\"range\" min=\"1\" max=\"%d\" "
                        + "value=\"%d\"> <output id=\"epoch-value\">%d</output> of %d</label></p>%n",
                        epochs.size(), epochs.size(), epochs.size(), epochs.size()));
        for (EpochRecord e : epochs) {
            h.append(String.format(Locale.ROOT, "<div class=\"alpha\" data-epoch=\"%d\"%s>%n<p>Epoch %d: mean entropy %.4f, "
                    + "genotype <code>%s</code></p>%n<table class=\"heat\"><tr><th>edge</th>", e.epoch(),
                    e.epoch() == epochs.size() ? "" : " hidden", e.epoch(), e.meanEntropy(), esc(e.genotype())));
            for (String op : ops) {
                h.append("<th>").append(esc(op.trim())).append("</th>");
            }
            if (e.beta() != null) {
                h.append("<th>edge weight β</th>");
            }
            h.append("</tr>\n");
            float[][] alpha = e.alpha();
            for (int edge = 0; edge < alpha.length; edge++) {
                h.append("<tr><th>").append(esc(space.edgeName(edge))).append("</th>");
                float max = 0;
                for (float v : alpha[edge]) {
                    max = Math.max(max, v);
                }
                for (float v : alpha[edge]) {
                    int shade = (int) Math.round(255 - 200 * Math.min(1, v));
                    h.append(String.format(Locale.ROOT, "<td style=\"background:rgb(%d,%d,255)\"%s>%.3f</td>", shade, shade,
                            v == max ? " class=\"max\"" : "", v));
                }
                if (e.beta() != null) {
                    h.append(String.format(Locale.ROOT, "<td>%.3f</td>", e.beta()[edge]));
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n</div>\n");
        }
        h.append("</section>\n");
    }

    /** The convolution self-check of the run (docs/known-issues.md): its summary and the routed signatures. */
    private static String convolutions(GaeaModel model) {
        Map<String, ? extends Provenance> instance = model.getProvenance().getInstanceProvenance().getMap();
        Provenance check = instance.get(GaeaModel.CONVOLUTION_CHECK);
        if (check == null) {
            return "not recorded (a model from before the check)";
        }
        StringBuilder cell = new StringBuilder(esc(String.valueOf(((StringProvenance) check).getValue())));
        Provenance routed = instance.get(GaeaModel.CONVOLUTIONS_ROUTED);
        String list = routed == null ? "" : ((StringProvenance) routed).getValue();
        if (!list.isEmpty()) {
            cell.append("<ul class=\"routed\">");
            for (String signature : list.split("; ")) {
                cell.append("<li><code>").append(esc(signature)).append("</code></li>");
            }
            cell.append("</ul>");
        }
        return cell.toString();
    }

    private static void provenanceSection(StringBuilder h, GaeaModel model) {
        TrainerProvenance trainer = model.getProvenance().getTrainerProvenance();
        DatasetProvenance data = model.getProvenance().getDatasetProvenance();
        h.append("<section id=\"provenance\"><h2>Provenance</h2>\n<table>\n");
        row(h, "Trainer", esc(trainer.getClassName()));
        for (Map.Entry<String, Provenance> e : new TreeMap<>(trainer.getConfiguredParameters()).entrySet()) {
            row(h, esc(e.getKey()), esc(String.valueOf(e.getValue())));
        }
        for (Map.Entry<String, ?> e : new TreeMap<>(trainer.getInstanceValues()).entrySet()) {
            row(h, esc(e.getKey()), esc(String.valueOf(e.getValue())));
        }
        row(h, "Dataset", esc(data.getClassName()) + String.format(Locale.ROOT, ", %d examples, %d features, %d outputs",
                data.getNumExamples(), data.getNumFeatures(), data.getNumOutputs()));
        row(h, "Data source", esc(String.valueOf(data.getSourceProvenance().getClassName())));
        row(h, "Created", esc(model.getProvenance().getTrainingTime().toString()));
        h.append("</table>\n<p>The complete provenance is in <code>provenance.json</code> next to the model; "
                + "<code>tribuo-nas reproduce --model model.tribuo</code> retrains from it.</p>\n</section>\n");
    }

    private static void row(StringBuilder h, String name, String valueHtml) {
        h.append("<tr><th>").append(name).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String esc(String s) {
        return CellDiagram.escape(s);
    }

    private static final String STYLE = """
            body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; color: #222; }
            section { margin-bottom: 2.5rem; }
            table { border-collapse: collapse; }
            th, td { padding: 0.2rem 0.6rem; text-align: left; border-bottom: 1px solid #eee; }
            table.heat td { text-align: right; font-variant-numeric: tabular-nums; }
            table.heat td.max { font-weight: bold; }
            pre { background: #f7f7f7; padding: 0.6rem; overflow-x: auto; }
            #errors { color: #b00; background: none; padding: 0; }
            img { max-width: 100%; }
            """;

    private static final String SCRIPT = """
            (function () {
              var slider = document.getElementById('epoch');
              var shown = document.getElementById('epoch-value');
              function show() {
                shown.textContent = slider.value;
                document.querySelectorAll('div.alpha').forEach(function (d) {
                  d.hidden = d.getAttribute('data-epoch') !== slider.value;
                });
              }
              slider.addEventListener('input', show);
              show();
              document.body.setAttribute('data-ready', 'yes');
            })();
            """;
}
