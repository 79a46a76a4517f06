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

import org.tribuo.nas.experiment.ConfigOverride;
import org.tribuo.nas.experiment.ExperimentConfig;
import org.tribuo.nas.experiment.ExperimentRun;
import org.tribuo.nas.experiment.InvalidOverrideException;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tribuo-nas search}: runs the configured GaeaTrainer on the configured data source and
 * writes the model, its provenance and the search history; evaluates on the test source if configured.
 */
final class SearchCommand implements Command {

    /** The ONNX export's file name in the output folder (with --onnx). */
    static final String ONNX_FILE = "model.onnx";

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
            try {
                out.add(ConfigOverride.parse(s));
            } catch (InvalidOverrideException e) {
                throw new UsageException("option '--set " + s + "': " + e.reason());
            }
        }
        return out;
    }

    /**
     * Reads a configuration file with {@code --set} overrides.
     * @param file The file.
     * @param overrides The overrides.
     * @return The configuration.
     * @throws IOException If the file cannot be read.
     * @throws UsageException If an override does not fit the file.
     */
    static ExperimentConfig load(Path file, List<ConfigOverride> overrides) throws IOException, UsageException {
        try {
            return ExperimentConfig.load(file, overrides);
        } catch (InvalidOverrideException e) {
            throw new UsageException("option '--set " + e.override() + "': " + e.reason());
        }
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
        ExperimentConfig config = load(configFile, overrides);
        Path outputDir = args.value("output").map(Paths::get).orElseGet(() -> defaultOutput(configFile));
        console.out().println("Configuration: " + configFile + (overrides.isEmpty() ? "" : " with " + overrides));
        ConsoleProgress progress = new ConsoleProgress(console.out(), console.progressBar() && !args.has("no-progress")
                ? console.err() : null);
        Optional<ExperimentRun.ExtraOutput> onnx = args.has("onnx")
                ? Optional.of((model, folder) -> {
                    OnnxModels.save(model, folder.resolve(ONNX_FILE), ExportCommand.DEFAULT_DOMAIN, 1);
                    return ONNX_FILE;
                })
                : Optional.empty();
        new ExperimentRun(config, progress, console.out(), onnx).runInto(outputDir);
        return TribuoNasCli.EXIT_OK;
    }
}
