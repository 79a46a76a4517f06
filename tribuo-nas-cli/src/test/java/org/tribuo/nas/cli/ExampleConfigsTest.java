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

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.property.Property;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVDataSource;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.nas.GaeaTrainer;
import org.tribuo.nas.data.ImageFolderDataSource;
import org.tribuo.nas.experiment.ConfigOverride;
import org.tribuo.nas.experiment.ExperimentConfig;
import org.tribuo.nas.testutil.FashionFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads every configuration file in {@code examples/config}, so they cannot drift from the code:
 * each must parse, build its trainer, and define labelled train and test sources. Sources whose
 * files are present and small are built too (relative paths resolve against the repository root).
 */
public class ExampleConfigsTest {

    private static final long MAX_LOADED_BYTES = 5_000_000;

    static Path repositoryRoot() {
        // Maven runs the tests in the module's folder, inside the repository.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples").resolve("config"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find examples/config above " + Path.of("").toAbsolutePath());
    }

    static List<Path> exampleConfigs() throws Exception {
        try (Stream<Path> files = Files.walk(repositoryRoot().resolve("examples").resolve("config"))) {
            // user-space/ names classes of the examples module, which ChainCellSpaceEndToEndTest runs there.
            return files.filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("user-space")).sorted().toList();
        }
    }

    @Test
    public void everyExampleConfigLoads() throws Exception {
        List<Path> configs = exampleConfigs();
        assertTrue(configs.stream().anyMatch(p -> p.getFileName().toString().equals("fashion-mnist.xml")), configs.toString());
        assertTrue(configs.stream().anyMatch(p -> p.getFileName().toString().equals("fashion-mnist.json")), configs.toString());
        assertTrue(configs.stream().anyMatch(p -> p.getFileName().toString().equals("fixture-tiny.xml")), configs.toString());
        for (Path file : configs) {
            ExperimentConfig config = ExperimentConfig.load(file, absoluteDataPaths(file));
            GaeaTrainer trainer = config.trainer();
            assertTrue(trainer.toString().startsWith("GaeaTrainer(method="), trainer.toString());
            String fileName = file.getFileName().toString();
            // methods/darts-*.xml and cost-aware-darts.xml search the DARTS space (methods/nb201-darts.xml does not)
            String space = fileName.startsWith("darts-") || fileName.startsWith("cost-aware-darts") ? "darts"
                    : fileName.contains("tabular") ? "tabular" : "nas-bench-201";
            assertEquals(space, trainer.space().name(), file + ": " + trainer);
            assertTrue(config.hasTestSource(), file + " has a test-source");
            for (String name : List.of(ExperimentConfig.TRAIN_SOURCE, ExperimentConfig.TEST_SOURCE)) {
                ConfigurationData source = config.configurationManager().getConfigurationData(name).orElseThrow();
                boolean tabular = space.equals("tabular");
                boolean folders = file.getFileName().toString().startsWith("image-folder");
                assertEquals(tabular ? CSVDataSource.class.getName()
                        : folders ? ImageFolderDataSource.class.getName() : IDXDataSource.class.getName(),
                        source.getClassName(), file + " " + name);
                if (folders) {
                    // Its images are written by scripts/fashion-mnist-png.py, not committed; it always makes labels.
                    assertTrue(source.get("root").isPresent(), file + " " + name + " names its root");
                    continue;
                }
                String factory = source.get("outputFactory").orElseThrow().toString();
                assertEquals(LabelFactory.class.getName(),
                        config.configurationManager().getConfigurationData(factory).orElseThrow().getClassName());
                if (small(source)) {
                    ConfigurableDataSource<Label> built = name.equals(ExperimentConfig.TRAIN_SOURCE)
                            ? config.trainSource() : config.testSource().orElseThrow();
                    MutableDataset<Label> data = new MutableDataset<>(built);
                    assertTrue(data.size() > 0, file + " " + name);
                    assertTrue(data.getOutputIDInfo().size() >= 2, file + " " + name);
                }
            }
        }
    }

    @Test
    public void fashionMnistXmlAndJsonHoldTheSameConfiguration() throws Exception {
        Path dir = repositoryRoot().resolve("examples").resolve("config");
        ExperimentConfig xml = ExperimentConfig.load(dir.resolve("fashion-mnist.xml"), List.of());
        ExperimentConfig json = ExperimentConfig.load(dir.resolve("fashion-mnist.json"), List.of());
        assertEquals(xml.configurationManager().getComponentNames(), json.configurationManager().getComponentNames());
        for (String name : xml.configurationManager().getComponentNames()) {
            ConfigurationData a = xml.configurationManager().getConfigurationData(name).orElseThrow();
            ConfigurationData b = json.configurationManager().getConfigurationData(name).orElseThrow();
            assertEquals(a.getClassName(), b.getClassName(), name);
            assertEquals(strings(a.getProperties()), strings(b.getProperties()), name);
        }
        assertEquals(xml.trainer().toString(), json.trainer().toString());
        assertFalse(xml.trainer().toString().contains("seed=" + org.tribuo.Trainer.DEFAULT_SEED));
    }

    private static Map<String, String> strings(Map<String, Property> properties) {
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    /** Overrides that make relative data paths absolute against the repository root. */
    private static List<ConfigOverride> absoluteDataPaths(Path file) throws Exception {
        ExperimentConfig raw = ExperimentConfig.load(file, List.of());
        List<ConfigOverride> out = new ArrayList<>();
        for (String name : List.of(ExperimentConfig.TRAIN_SOURCE, ExperimentConfig.TEST_SOURCE)) {
            ConfigurationData source = raw.configurationManager().getConfigurationData(name).orElseThrow();
            for (String field : List.of("featuresPath", "outputPath", "dataPath")) {
                if (source.get(field).isEmpty()) {
                    continue;
                }
                String value = source.get(field).orElseThrow().toString();
                Path path = Path.of(value);
                if (!path.isAbsolute()) {
                    Path resolved = repositoryRoot().resolve(path);
                    if (!Files.isRegularFile(resolved) && value.startsWith("data/")) {
                        continue; // fetched by a script (scripts/fetch-*.sh); not in a clean clone
                    }
                    assertTrue(Files.isRegularFile(resolved), file + ": " + name + "." + field + " " + resolved);
                    out.add(new ConfigOverride(name, field, resolved.toString()));
                }
            }
        }
        return out;
    }

    private static boolean small(ConfigurationData source) throws Exception {
        for (String field : List.of("featuresPath", "outputPath", "dataPath")) {
            if (source.get(field).isEmpty()) {
                continue;
            }
            Path p = Path.of(source.get(field).orElseThrow().toString());
            if (!p.isAbsolute()) {
                p = repositoryRoot().resolve(p);
            }
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_LOADED_BYTES) {
                return false;
            }
        }
        return true;
    }

    @Test
    public void aFlatConfigurationIsRefusedWithWhereEachSettingWent(@TempDir Path dir) throws Exception {
        Path flat = Files.writeString(dir.resolve("flat.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                    <component name="trainer" type="org.tribuo.nas.GaeaTrainer">
                        <property name="searchSpace" value="darts"/>
                        <property name="searchEpochs" value="2"/>
                        <property name="seed" value="1"/>
                    </component>
                </config>
                """);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ExperimentConfig.load(flat, List.of()));
        assertTrue(e.getMessage().contains("flat form") && e.getMessage().contains("searchEpochs -> search.epochs")
                && e.getMessage().contains("searchSpace -> space") && e.getMessage().contains("Migrating a flat configuration")
                && !e.getMessage().contains("seed ->"), e.getMessage());
    }
}
