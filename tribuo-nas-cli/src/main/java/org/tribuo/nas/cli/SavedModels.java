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

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;

import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.ModelFiles;
import org.tribuo.nas.runtime.Devices;

import ai.djl.Device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the model file given on the command line, with messages that name the file.
 */
final class SavedModels {

    private SavedModels() {}

    /**
     * Loads a model onto a device.
     * @param file The {@code model.tribuo} file.
     * @param device A device setting: auto, cpu, gpu or gpu:N.
     * @return The model; the caller closes it.
     * @throws IOException If the file is missing or not a GaeaModel file.
     */
    static GaeaModel load(Path file, String device) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file '" + file + "' does not exist");
        }
        return ModelFiles.load(file, Devices.resolve(device));
    }

    /**
     * Loads a model onto the device it was trained on when that device is available, else the CPU;
     * used to compare a reproduction on the same kind of device.
     * @param file The {@code model.tribuo} file.
     * @return The model; the caller closes it.
     * @throws IOException If the file is missing or not a GaeaModel file.
     */
    static GaeaModel loadOnTrainingDevice(Path file) throws IOException {
        GaeaModel model = load(file, "cpu");
        Provenance trained = model.getProvenance().getInstanceProvenance().getMap().get(GaeaModel.DEVICE);
        if (trained instanceof StringProvenance s && !s.getValue().equals("cpu")) {
            Device device;
            try {
                device = Devices.resolve(s.getValue());
            } catch (IllegalArgumentException e) {
                return model;
            }
            model.close();
            return ModelFiles.load(file, device);
        }
        return model;
    }
}
