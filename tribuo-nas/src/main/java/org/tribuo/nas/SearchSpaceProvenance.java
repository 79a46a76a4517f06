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

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.protobuf.ProtoProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import org.tribuo.nas.space.SearchSpace;

import java.util.List;

/**
 * The search space of a model file: its class and configured fields, saved as OLCUT provenance
 * and rebuilt through OLCUT's configuration system, so a space written outside tribuo-nas loads
 * as the built-in ones do. The class a file names is checked to be a {@link SearchSpace} before
 * it is instantiated.
 */
final class SearchSpaceProvenance {

    private static final ProtoProvenanceSerialization SERIALIZATION = new ProtoProvenanceSerialization(false);

    private SearchSpaceProvenance() {}

    /**
     * The space's provenance as protobuf bytes.
     * @param space The space.
     * @return The bytes.
     */
    static ByteString serialize(SearchSpace space) {
        return SERIALIZATION.serializeToProto(ProvenanceUtil.marshalProvenance(space.getProvenance())).toByteString();
    }

    /**
     * Rebuilds a space from {@link #serialize} bytes.
     * @param bytes The bytes.
     * @return The space, configured as it was saved.
     * @throws IllegalArgumentException if the bytes are missing or damaged, the class is not on the
     *         classpath or is not a SearchSpace, or its configuration is refused.
     */
    static SearchSpace rebuild(ByteString bytes) {
        if (bytes.isEmpty()) {
            throw new IllegalArgumentException("the model file does not record its search space");
        }
        ObjectProvenance provenance;
        try {
            provenance = ProvenanceUtil.unmarshalProvenance(SERIALIZATION.deserializeFromProto(RootProvenanceProto.parseFrom(bytes)));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new IllegalArgumentException("the model file's search space record is damaged: " + e.getMessage(), e);
        }
        String className = provenance.getClassName();
        checkIsSearchSpace(className);
        List<ConfigurationData> configuration = ProvenanceUtil.extractConfiguration(provenance);
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(configuration);
        String name = configuration.stream().filter(c -> c.getClassName().equals(className)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model file's search space record has no " + className))
                .getName();
        try {
            return (SearchSpace) cm.lookup(name);
        } catch (PropertyException e) {
            throw new IllegalArgumentException("the model's search space " + className + " refused its saved configuration: "
                    + e.getMessage(), e);
        }
    }

    private static void checkIsSearchSpace(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, SearchSpaceProvenance.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the model's search space class " + className + " is not on the classpath; "
                    + "add the jar that defines it", e);
        }
        if (!SearchSpace.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("the model file names " + className + " as its search space, which does not "
                    + "implement " + SearchSpace.class.getName() + "; refusing to instantiate it");
        }
    }
}
