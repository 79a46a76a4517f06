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

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.LabelTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.nas.GaeaModel;
import org.tribuo.nas.onnx.OnnxMetadata;
import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Exported ONNX models on disk: writing a model's export, and loading an exported file as a
 * Tribuo model run by ONNX Runtime ({@link ONNXExternalModel}), its feature and label mappings
 * read from the file's own metadata.
 */
final class OnnxModels {

    /** The file name ending that marks an ONNX model. */
    static final String EXTENSION = ".onnx";

    private OnnxModels() {}

    static boolean isOnnx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /**
     * Writes a model's ONNX export, atomically.
     * @param model The model.
     * @param file The file.
     * @param domain The ONNX model domain.
     * @param version The ONNX model version.
     * @throws IOException If the file cannot be written.
     */
    static void save(GaeaModel model, Path file, String domain, long version) throws IOException {
        OnnxMl.ModelProto proto = model.exportONNXModel(domain, version);
        AtomicFiles.write(file, proto::writeTo);
    }

    /**
     * Loads an exported model.
     * @param file The .onnx file written by tribuo-nas.
     * @return The model; close it after use.
     * @throws IOException If the file is missing, not ONNX, not exported by tribuo-nas, or refused by ONNX Runtime.
     */
    static ONNXExternalModel<Label> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file '" + file + "' does not exist");
        }
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException("'" + file + "' is not an ONNX model: " + e.getMessage(), e);
        }
        OnnxMetadata metadata = OnnxMetadata.readFrom(proto).orElseThrow(() -> new IOException("'" + file
                + "' has no " + OnnxMetadata.FEATURE_NAMES + " / " + OnnxMetadata.LABEL_NAMES
                + " metadata: it was not exported by tribuo-nas"));
        try {
            String input = proto.getGraph().getInput(0).getName();
            return ONNXExternalModel.createOnnxModel(new LabelFactory(), metadata.featureIndices(), metadata.labelIndices(),
                    new DenseTransformer(),
                    new LabelTransformer(), new OrtSession.SessionOptions(), file, input);
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot load '" + file + "': " + e.getMessage(), e);
        }
    }
}
