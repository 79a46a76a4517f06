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

import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;

import org.tribuo.ConfigurableDataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.report.SearchReport;
import org.tribuo.nas.util.AtomicFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tribuo-nas search}: runs the configured GaeaTrainer on the configured data source and
 * writes the model, its provenance and the search history; evaluates on the test source if configured.
 */
final class SearchCommand implements Command {

    /** The model file name in the output folder. */
    static final String MODEL_FILE = "model.tribuo";
    /** The ONNX export's file name in the output folder (with --onnx). */
    static final String ONNX_FILE = "model.onnx";
    /** The provenance file name in the output folder. */
    static final String PROVENANCE_FILE = "provenance.json";
    /** The search history file name in the output folder. */
    static final String HISTORY_FILE = "history.json";
    /** The evaluation file name in the output folder (with a test source). */
    static final String EVALUATION_FILE = "evaluation.txt";
    /** The per-example test predictions file name in the output folder (with a test source). */
    static final String PREDICTIONS_FILE = "predictions.csv";
    /** The HTML search report's file name in the output folder. */
    static final String REPORT_FILE = "report.html";
    /** The checkpoint folder name in the output folder. */
    static final String CHECKPOINT_DIR = "checkpoints";

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "search a cell with GAEA and train it, as an OLCUT configuration file says";
    }

    @Override
    public String synopsis() {
        return "--config FILE [--output DIR] [--set COMPONENT.FIELD=VALUE]... [--no-progress] [--onnx]";
    }

    @Override
    public String description() {
        return """
                Runs a GAEA architecture search and trains the found network from scratch, as configured in
                an OLCUT configuration file (XML; JSON when the file name ends in .json). The file defines
                the components 'trainer' (org.tribuo.nas.GaeaTrainer), 'train-source' (a configurable data
                source of labels, e.g. org.tribuo.datasource.IDXDataSource or org.tribuo.data.csv.CSVDataSource)
                and optionally 'test-source', which is evaluated after training. Relative paths in the file
                are resolved against the working directory.
                Writes model.tribuo (Tribuo protobuf), provenance.json, history.json, report.html (a
                self-contained page: cell drawing, metrics, entropy and search curves, alpha per epoch,
                provenance) and, with a test source, evaluation.txt and predictions.csv into the output folder, which is checked to be writable
                before training. The search and the final training are checkpointed at the end of every
                epoch in <output>/checkpoints; running the same command again with the same output folder
                resumes after the last complete epoch and gives the same model as an uninterrupted run.
                A checkpoint written by a different configuration or data is refused, naming the differences.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("config", "FILE", "the configuration file (required)"),
                OptionSpec.value("output", "DIR", "output folder (default: output/<config file name without extension>)"),
                new OptionSpec("set", List.of("COMPONENT.FIELD=VALUE"), true,
                        "override a configured field, e.g. --set search.epochs=2 (repeatable)"),
                OptionSpec.flag("no-progress", "no progress bar, only one line per epoch"),
                OptionSpec.flag("onnx", "also write model.onnx, the model exported to ONNX (see 'export')"));
    }

    /**
     * Parses the {@code --set} options.
     * @param args The parsed options.
     * @return The overrides.
     * @throws UsageException If one is malformed.
     */
    static List<ConfigOverride> overrides(ParsedArguments args) throws UsageException {
        List<ConfigOverride> out = new ArrayList<>();
        for (String s : args.all("set")) {
            out.add(ConfigOverride.parse(s));
        }
        return out;
    }

    /**
     * The default output folder of a configuration: {@code output/<file name without extension>}.
     * @param config The configuration file.
     * @return The folder.
     */
    static Path defaultOutput(Path config) {
        String name = config.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Paths.get("output", dot > 0 ? name.substring(0, dot) : name);
    }

    @Override
    public int run(ParsedArguments args, Console console) throws Exception {
        Path configFile = Paths.get(args.required("config"));
        List<ConfigOverride> overrides = overrides(args);
        PrintStream out = console.out();
        ExperimentConfig config = ExperimentConfig.load(configFile, overrides);
        GaeaTrainer trainer = config.trainer();
        Path outputDir = args.value("output").map(Paths::get).orElseGet(() -> defaultOutput(configFile));
        OutputFolder folder = OutputFolder.prepare(outputDir);
        boolean finished = false;
        try {
            out.println("Configuration: " + configFile + (overrides.isEmpty() ? "" : " with " + overrides));
            out.println("Trainer: " + trainer);
            out.println("Output folder: " + folder.dir());
            ConfigurableDataSource<Label> trainSource = config.trainSource();
            MutableDataset<Label> train = new MutableDataset<>(trainSource);
            out.printf(Locale.ROOT, "Training data: %d examples, %d classes %s%n", train.size(),
                    train.getOutputIDInfo().size(), train.getOutputIDInfo().getDomain());
            Optional<ConfigurableDataSource<Label>> testSource = config.testSource();
            Optional<MutableDataset<Label>> test = testSource.map(MutableDataset::new);
            test.ifPresent(t -> out.printf(Locale.ROOT, "Test data: %d examples%n", t.size()));
            if (test.isPresent()) {
                EvaluationReport.checkLabelsKnown(train.getOutputIDInfo().getDomain(), test.get(), "test-source");
            }
            trainer.setCheckpointDirectory(folder.resolve(CHECKPOINT_DIR));
            trainer.setProgress(new ConsoleProgress(out, console.progressBar() && !args.has("no-progress")
                    ? console.err() : null));
            try (GaeaModel model = trainer.train(train)) {
                ModelFiles.save(model, folder.resolve(MODEL_FILE));
                AtomicFiles.writeString(folder.resolve(PROVENANCE_FILE),
                        new JsonProvenanceSerialization(true).marshalAndSerialize(model.getProvenance()));
                AtomicFiles.writeString(folder.resolve(HISTORY_FILE), model.searchHistoryJson());
                if (args.has("onnx")) {
                    OnnxModels.save(model, folder.resolve(ONNX_FILE), ExportCommand.DEFAULT_DOMAIN, 1);
                }
                out.println();
                out.println("Genotype: " + model.genotype());
                model.searchHistory().unsettledNote().ifPresent(out::println);
                Optional<LabelEvaluation> evaluation = Optional.empty();
                if (test.isPresent()) {
                    EvaluationReport report = EvaluationReport.evaluate(model, test.get(), "test-source");
                    evaluation = Optional.of(report.evaluation());
                    AtomicFiles.writeString(folder.resolve(EVALUATION_FILE), report.text());
                    AtomicFiles.writeString(folder.resolve(PREDICTIONS_FILE),
                            PredictionsCsv.format(report.evaluation().getPredictions()));
                    out.println();
                    out.print(report.text());
                }
                SearchReport.write(folder.resolve(REPORT_FILE), model, evaluation, "test-source");
                out.println();
                out.println("Wrote " + folder.resolve(MODEL_FILE) + (args.has("onnx") ? ", " + ONNX_FILE : "") + ", " + PROVENANCE_FILE + ", " + HISTORY_FILE
                        + (test.isPresent() ? ", " + EVALUATION_FILE + ", " + PREDICTIONS_FILE : "") + " and " + REPORT_FILE);
            }
            finished = true;
        } finally {
            if (!finished) {
                folder.removeIfUnused();
            }
        }
        return TribuoNasCli.EXIT_OK;
    }
}
