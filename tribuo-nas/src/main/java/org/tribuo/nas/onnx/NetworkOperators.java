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

import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.FLOAT;
import static ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.INT;
import static ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.INTS;

/**
 * The ONNX operators of the networks' inference graphs that Tribuo's {@link ONNXOperators}
 * (opset 13) does not define: convolutions, normalization, pooling and tensor shaping. Same
 * opset (13, default domain), so a model mixes them with Tribuo's operators freely.
 */
public enum NetworkOperators implements ONNXOperator {
    /** 2-d convolution: X, W, optional B. */
    CONV("Conv", 2, 1, List.of(
            new ONNXAttribute("kernel_shape", INTS, false),
            new ONNXAttribute("strides", INTS, false),
            new ONNXAttribute("pads", INTS, false),
            new ONNXAttribute("dilations", INTS, false),
            new ONNXAttribute("group", INT, false))),
    /** Inference batch normalization: X, scale, B, mean, var. */
    BATCH_NORMALIZATION("BatchNormalization", 5, 0, List.of(
            new ONNXAttribute("epsilon", FLOAT, false))),
    /** max(x, 0). */
    RELU("Relu", 1, 0, List.of()),
    /** Average pooling; {@code count_include_pad=0} divides by the cells inside the input. */
    AVERAGE_POOL("AveragePool", 1, 0, List.of(
            new ONNXAttribute("kernel_shape", INTS, true),
            new ONNXAttribute("strides", INTS, false),
            new ONNXAttribute("pads", INTS, false),
            new ONNXAttribute("ceil_mode", INT, false),
            new ONNXAttribute("count_include_pad", INT, false))),
    /** Max pooling (padding counts as minus infinity). */
    MAX_POOL("MaxPool", 1, 0, List.of(
            new ONNXAttribute("kernel_shape", INTS, true),
            new ONNXAttribute("strides", INTS, false),
            new ONNXAttribute("pads", INTS, false),
            new ONNXAttribute("ceil_mode", INT, false))),
    /** The mean over all spatial positions: [N, C, H, W] to [N, C, 1, 1]. */
    GLOBAL_AVERAGE_POOL("GlobalAveragePool", 1, 0, List.of()),
    /** [d0, ..., dn] to [d0·…·d(axis−1), d(axis)·…·dn]. */
    FLATTEN("Flatten", 1, 0, List.of(new ONNXAttribute("axis", INT, false))),
    /** data, starts, ends, optional axes and steps (all int64 tensors). */
    SLICE("Slice", 3, 2, List.of()),
    /** data, pads (int64), optional constant value; constant mode. */
    PAD("Pad", 2, 1, List.of()),
    /** data, shape (int64). */
    RESHAPE("Reshape", 2, 0, List.of());

    private final String opName;
    private final int numInputs;
    private final int numOptionalInputs;
    private final Map<String, ONNXAttribute> attributes;
    private final Set<String> mandatory;

    NetworkOperators(String opName, int numInputs, int numOptionalInputs, List<ONNXAttribute> attributes) {
        this.opName = opName;
        this.numInputs = numInputs;
        this.numOptionalInputs = numOptionalInputs;
        Map<String, ONNXAttribute> map = new LinkedHashMap<>();
        Set<String> required = new HashSet<>();
        for (ONNXAttribute a : attributes) {
            map.put(a.getName(), a);
            if (a.isMandatory()) {
                required.add(a.getName());
            }
        }
        this.attributes = Collections.unmodifiableMap(map);
        this.mandatory = Collections.unmodifiableSet(required);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return numInputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return numOptionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return mandatory;
    }

    @Override
    public int getOpVersion() {
        return ONNXOperators.getOpsetVersion();
    }

    @Override
    public String getOpDomain() {
        return ONNXOperators.ADD.getOpDomain();
    }
}
