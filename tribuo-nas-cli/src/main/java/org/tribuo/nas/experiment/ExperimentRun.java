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

package org.tribuo.nas.experiment;

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.report.SearchReport;
import org.tribuo.nas.loop.TrainingProgress;
import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One experiment: runs an {@link ExperimentConfig}'s trainer on its training source, and writes
 * the model, its provenance, the search history, the report and (with a test source) the
 * evaluation and test predictions into an output folder. The search and the final training are
 * checkpointed in the folder's {@value #CHECKPOINT_DIR}, so running the same experiment into the
 * same folder again resumes after the last complete epoch.
 * <p>
 * {@code tribuo-nas search} runs one; a sweep runs one per combination of its axes.
 */
public final class ExperimentRun {

    /** The model file name in the output folder. */
    public static final String MODEL_FILE = "model.tribuo";
    /** The provenance file name in the output folder. */
    public static final String PROVENANCE_FILE = "provenance.json";
    /** The search history file name in the output folder. */
    public static final String HISTORY_FILE = "history.json";
    /** The evaluation file name in the output folder (with a test source). */
    public static final String EVALUATION_FILE = "evaluation.txt";
    /** The per-example test predictions file name in the output folder (with a test source). */
    public static final String PREDICTIONS_FILE = "predictions.csv";
    /** The HTML search report's file name in the output folder. */
    public static final String REPORT_FILE = "report.html";
    /** The checkpoint folder name in the output folder. */
    public static final String CHECKPOINT_DIR = "checkpoints";

    /**
     * A further file written from the trained model, after the standard ones (such as an ONNX export).
     */
    @FunctionalInterface
    public interface ExtraOutput {
        /**
         * Writes the file.
         * @param model The trained model.
         * @param folder The output folder.
         * @return The name of the file written, for the closing line.
         * @throws IOException If it cannot be written.
         */
        String write(GaeaModel model, OutputFolder folder) throws IOException;
    }

    private final ExperimentConfig config;
    private final TrainingProgress progress;
    private final PrintStream out;
    private final Optional<ExtraOutput> extra;

    /**
     * Creates a run.
     * @param config The experiment (trainer and data sources).
     * @param progress Told about every epoch.
     * @param out Where the run's lines (data sizes, genotype, evaluation) go.
     * @param extra A further file to write, if any.
     */
    public ExperimentRun(ExperimentConfig config, TrainingProgress progress, PrintStream out, Optional<ExtraOutput> extra) {
        this.config = config;
        this.progress = progress;
        this.out = out;
        this.extra = extra;
    }

    /**
     * Runs the experiment into a folder, which is checked to be writable before any data is read;
     * if the run fails, folders it created are removed again when still empty.
     * @param outputDir The output folder.
     * @return What the run found.
     * @throws IOException If the data cannot be read or the outputs written.
     */
    public ExperimentOutcome runInto(Path outputDir) throws IOException {
        long start = System.nanoTime();
        GaeaTrainer trainer = config.trainer();
        OutputFolder folder = OutputFolder.prepare(outputDir);
        boolean finished = false;
        try {
            out.println("Trainer: " + trainer);
            out.println("Output folder: " + folder.dir());
            MutableDataset<Label> train = new MutableDataset<>(config.trainSource());
            out.printf(Locale.ROOT, "Training data: %d examples, %d classes %s%n", train.size(),
                    train.getOutputIDInfo().size(), train.getOutputIDInfo().getDomain());
            Optional<MutableDataset<Label>> test = config.testSource().map(MutableDataset::new);
            test.ifPresent(t -> out.printf(Locale.ROOT, "Test data: %d examples%n", t.size()));
            if (test.isPresent()) {
                EvaluationReport.checkLabelsKnown(train.getOutputIDInfo().getDomain(), test.get(), ExperimentConfig.TEST_SOURCE);
            }
            trainer.setCheckpointDirectory(folder.resolve(CHECKPOINT_DIR));
            trainer.setProgress(progress);
            ExperimentOutcome outcome;
            try (GaeaModel model = trainer.train(train)) {
                outcome = writeOutputs(model, test, folder, start);
            }
            finished = true;
            return outcome;
        } finally {
            if (!finished) {
                folder.removeIfUnused();
            }
        }
    }

    private ExperimentOutcome writeOutputs(GaeaModel model, Optional<MutableDataset<Label>> test, OutputFolder folder,
                                           long start) throws IOException {
        ModelFiles.save(model, folder.resolve(MODEL_FILE));
        AtomicFiles.writeString(folder.resolve(PROVENANCE_FILE),
                new JsonProvenanceSerialization(true).marshalAndSerialize(model.getProvenance()));
        AtomicFiles.writeString(folder.resolve(HISTORY_FILE), model.searchHistoryJson());
        StringBuilder written = new StringBuilder(MODEL_FILE);
        if (extra.isPresent()) {
            written.append(", ").append(extra.get().write(model, folder));
        }
        written.append(", ").append(PROVENANCE_FILE).append(", ").append(HISTORY_FILE);
        out.println();
        out.println("Genotype: " + model.genotype());
        Object check = model.getProvenance().getInstanceProvenance().getMap().get(GaeaModel.CONVOLUTION_CHECK);
        if (check instanceof com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance checked) {
            out.println("Convolutions: " + checked.getValue() + " (tribuo-nas describe lists them; docs/known-issues.md)");
        }
        model.cost().ifPresent(cost -> out.println("Cost: " + cost));
        model.searchHistory().unsettledNote().ifPresent(out::println);
        Optional<LabelEvaluation> evaluation = Optional.empty();
        if (test.isPresent()) {
            EvaluationReport report = EvaluationReport.evaluate(model, test.get(), ExperimentConfig.TEST_SOURCE);
            evaluation = Optional.of(report.evaluation());
            AtomicFiles.writeString(folder.resolve(EVALUATION_FILE), report.text());
            AtomicFiles.writeString(folder.resolve(PREDICTIONS_FILE), PredictionsCsv.format(report.evaluation().getPredictions()));
            written.append(", ").append(EVALUATION_FILE).append(", ").append(PREDICTIONS_FILE);
            out.println();
            out.print(report.text());
        }
        SearchReport.write(folder.resolve(REPORT_FILE), model, evaluation, ExperimentConfig.TEST_SOURCE);
        out.println();
        out.println("Wrote " + written + " and " + REPORT_FILE + " to " + folder.dir());
        return new ExperimentOutcome(model.genotype().toString(), model.searchHistory(),
                evaluation.map(LabelEvaluation::accuracy), (System.nanoTime() - start) / 1e9, model.cost());
    }
}
