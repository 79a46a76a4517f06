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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tribuo.classification.Label;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an exported model needs besides its graph to be used on raw examples: the names of the
 * input features in the order of the input vector, and the class labels in the order of the
 * output scores. Stored as JSON arrays in the ONNX model's metadata, so the file describes itself
 * to any ONNX Runtime user (see docs/serving.md).
 *
 * @param featureNames The input features, index i of the input vector first.
 * @param labelNames The classes, score i first.
 */
public record OnnxMetadata(List<String> featureNames, List<String> labelNames) {

    /** Metadata key of the feature names (a JSON array of strings). */
    public static final String FEATURE_NAMES = "tribuo-nas.feature-names";
    /** Metadata key of the label names (a JSON array of strings). */
    public static final String LABEL_NAMES = "tribuo-nas.label-names";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Copies the lists.
     */
    public OnnxMetadata {
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
    }

    /**
     * The index of each feature in the input vector.
     * @return Feature name to index.
     */
    public Map<String, Integer> featureIndices() {
        Map<String, Integer> indices = new HashMap<>();
        for (int i = 0; i < featureNames.size(); i++) {
            indices.put(featureNames.get(i), i);
        }
        return indices;
    }

    /**
     * The index of each label in the output scores.
     * @return Label to index.
     */
    public Map<Label, Integer> labelIndices() {
        Map<Label, Integer> indices = new HashMap<>();
        for (int k = 0; k < labelNames.size(); k++) {
            indices.put(new Label(labelNames.get(k)), k);
        }
        return indices;
    }

    /**
     * Adds the metadata to a model.
     * @param model The exported model.
     * @return The model with the metadata.
     */
    public OnnxMl.ModelProto addTo(OnnxMl.ModelProto model) {
        try {
            return model.toBuilder()
                    .addMetadataProps(entry(FEATURE_NAMES, JSON.writeValueAsString(featureNames)))
                    .addMetadataProps(entry(LABEL_NAMES, JSON.writeValueAsString(labelNames)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the feature and label names as JSON", e);
        }
    }

    /**
     * Reads the metadata of a model exported by tribuo-nas.
     * @param model The model.
     * @return The metadata, or empty when the model has none (not exported by tribuo-nas).
     * @throws IllegalArgumentException If the metadata is there but unreadable.
     */
    public static Optional<OnnxMetadata> readFrom(OnnxMl.ModelProto model) {
        String features = null;
        String labels = null;
        for (OnnxMl.StringStringEntryProto p : model.getMetadataPropsList()) {
            if (p.getKey().equals(FEATURE_NAMES)) {
                features = p.getValue();
            } else if (p.getKey().equals(LABEL_NAMES)) {
                labels = p.getValue();
            }
        }
        if (features == null || labels == null) {
            return Optional.empty();
        }
        TypeReference<List<String>> strings = new TypeReference<>() {};
        try {
            return Optional.of(new OnnxMetadata(JSON.readValue(features, strings), JSON.readValue(labels, strings)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the model's " + FEATURE_NAMES + " / " + LABEL_NAMES + " metadata is not a JSON"
                    + " array of strings: " + e.getOriginalMessage(), e);
        }
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
