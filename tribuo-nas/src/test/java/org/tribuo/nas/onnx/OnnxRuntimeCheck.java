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

package org.tribuo.nas.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs an exported graph in ONNX Runtime and compares its outputs with the reference.
 */
public final class OnnxRuntimeCheck {

    private OnnxRuntimeCheck() {}

    /**
     * Runs a one-input, one-output model.
     * @param model The model.
     * @param input [N][F].
     * @return [N][K].
     * @throws OrtException If ONNX Runtime refuses the model or the input.
     */
    public static float[][] run(OnnxMl.ModelProto model, float[][] input) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toByteArray(), options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, input);
                 OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
                return (float[][]) result.get(0).getValue();
            }
        }
    }

    /**
     * Asserts two [N][K] score tables agree within a tolerance, naming the first entry that does not.
     * @param expected The reference.
     * @param actual ONNX Runtime's.
     * @param tolerance The largest absolute difference allowed.
     */
    public static void assertClose(float[][] expected, float[][] actual, float tolerance) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, "columns of row " + i);
            for (int k = 0; k < expected[i].length; k++) {
                assertEquals(expected[i][k], actual[i][k], tolerance, "row " + i + ", column " + k);
            }
        }
    }
}
