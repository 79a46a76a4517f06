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

package org.tribuo.nas;

import com.google.protobuf.InvalidProtocolBufferException;

import org.tribuo.protos.core.ModelProto;

import ai.djl.Device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tribuo.nas.util.AtomicFiles;

/**
 * Reads and writes {@link GaeaModel} files (Tribuo's protobuf model format).
 * <p>
 * Unlike {@code Model.deserializeFromFile}, {@link #load(Path, Device)} checks the class name
 * in the file before anything is loaded by name, so a file naming another class is refused
 * without running its code.
 */
public final class ModelFiles {

    private ModelFiles() {}

    /**
     * Writes a model atomically (temporary file, then move).
     * @param model The model.
     * @param path The target file.
     * @throws IOException If writing fails; the target is then untouched.
     */
    public static void save(GaeaModel model, Path path) throws IOException {
        ModelProto proto = model.serialize();
        AtomicFiles.write(path, proto::writeTo);
    }

    /**
     * Reads a model onto a device.
     * @param path A file written by {@link #save} or {@code GaeaModel.serializeToFile}.
     * @param device The device to load the network onto.
     * @return The model; the caller closes it.
     * @throws IOException If the file is missing, truncated, corrupted, or not a tribuo-nas model.
     */
    public static GaeaModel load(Path path, Device device) throws IOException {
        ModelProto proto;
        try (InputStream in = Files.newInputStream(path)) {
            proto = ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(path + " is not a Tribuo protobuf model file (truncated or corrupted?): " + e.getMessage(), e);
        }
        if (!GaeaModel.class.getName().equals(proto.getClassName())) {
            throw new IOException(path + " holds a '" + proto.getClassName() + "', not a " + GaeaModel.class.getName()
                    + "; refusing to load it");
        }
        try {
            return GaeaModelProtos.deserialize(proto.getVersion(), proto.getSerializedData(), device);
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new IOException(path + " is not a readable GaeaModel: " + e.getMessage(), e);
        }
    }
}
