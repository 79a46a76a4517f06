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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small experiment configuration files with absolute data paths for the tests.
 */
final class TestConfigs {

    private TestConfigs() {}

    /**
     * The tiny trainer and its parts: C=16, N=1, one epoch each, 64 search examples, batch 32;
     * the components are named trainer, space, architecture-update, search, final-training and input.
     */
    static String tinyTrainer() {
        return """
                    <component name="trainer" type="org.tribuo.nas.GaeaTrainer">
                        <property name="space" value="space"/>
                        <property name="architectureUpdate" value="architecture-update"/>
                        <property name="search" value="search"/>
                        <property name="finalTraining" value="final-training"/>
                        <property name="input" value="input"/>
                        <property name="seed" value="1"/>
                        <property name="device" value="cpu"/>
                    </component>
                    <component name="space" type="org.tribuo.nas.nb201.Nb201SearchSpace">
                        <property name="searchChannels" value="16"/>
                        <property name="searchCellsPerStage" value="1"/>
                        <property name="finalChannels" value="16"/>
                        <property name="finalCellsPerStage" value="1"/>
                    </component>
                    <component name="architecture-update" type="org.tribuo.nas.search.ExponentiatedGradientUpdate"/>
                    <component name="search" type="org.tribuo.nas.search.SearchSchedule">
                        <property name="epochs" value="1"/>
                        <property name="examples" value="64"/>
                        <property name="batchSize" value="32"/>
                    </component>
                    <component name="final-training" type="org.tribuo.nas.train.FinalTraining">
                        <property name="epochs" value="1"/>
                        <property name="batchSize" value="32"/>
                    </component>
                    <component name="input" type="org.tribuo.nas.data.ImageInput"/>
                    <component name="label-factory" type="org.tribuo.classification.LabelFactory"/>
                """;
    }

    private static String idxSource(String name, Path dir, String split) {
        return """
                    <component name="%s" type="org.tribuo.datasource.IDXDataSource">
                        <property name="featuresPath" value="%s"/>
                        <property name="outputPath" value="%s"/>
                        <property name="outputFactory" value="label-factory"/>
                    </component>
                """.formatted(name, dir.resolve(split + "-images-idx3-ubyte.gz").toAbsolutePath(),
                dir.resolve(split + "-labels-idx1-ubyte.gz").toAbsolutePath());
    }

    /**
     * A tiny configuration with IDX train and test sources.
     * @param file The file to write.
     * @param data The folder with the IDX files.
     * @return The file.
     * @throws IOException If writing fails.
     */
    static Path idx(Path file, Path data) throws IOException {
        return Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config>\n" + tinyTrainer()
                + idxSource("train-source", data, "train") + idxSource("test-source", data, "t10k") + "</config>\n");
    }

    /**
     * A tiny configuration whose training data is a CSV file with a {@code label} column and one
     * column per pixel, named by its index.
     * @param file The file to write.
     * @param csv The CSV file.
     * @return The file.
     * @throws IOException If writing fails.
     */
    static Path csv(Path file, Path csv) throws IOException {
        return Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config>\n" + tinyTrainer() + """
                    <component name="train-source" type="org.tribuo.data.csv.CSVDataSource">
                        <property name="dataPath" value="%s"/>
                        <property name="rowProcessor" value="row-processor"/>
                        <property name="outputFactory" value="label-factory"/>
                    </component>
                    <component name="row-processor" type="org.tribuo.data.columnar.RowProcessor">
                        <property name="responseProcessor" value="response"/>
                        <propertylist name="fieldProcessorList"/>
                        <propertymap name="regexMappingProcessors">
                            <entry key="[0-9]+" value="pixel"/>
                        </propertymap>
                    </component>
                    <component name="response" type="org.tribuo.data.columnar.processors.response.FieldResponseProcessor">
                        <property name="fieldName" value="label"/>
                        <property name="defaultValue" value=""/>
                        <property name="outputFactory" value="label-factory"/>
                    </component>
                    <component name="pixel" type="org.tribuo.data.columnar.processors.field.DoubleFieldProcessor">
                        <property name="fieldName" value="[0-9]+"/>
                        <property name="onlyFieldName" value="true"/>
                    </component>
                </config>
                """.formatted(csv.toAbsolutePath()));
    }
}
