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

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.nas.testutil.FashionFixture;
import org.tribuo.nas.runtime.RuntimeEnvironment;
import org.tribuo.protos.core.ModelProto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model records what an audit on another machine needs (versions, source commit, cell
 * implementation, threads, CPU and instruction set, GPU), keeps it through its file, reads models
 * that predate a field as {@code unknown}, and a file of a newer format is refused saying so.
 */
public class AuditProvenanceTest {

    @Test
    public void theTrainingEnvironmentIsRecordedAndSurvivesTheModelFile() throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 64);
        try (GaeaModel model = TinyTrainers.tiny(6).build().train(train)) {
            GaeaTrainerProvenance provenance = (GaeaTrainerProvenance) model.getProvenance().getTrainerProvenance();
            Map<String, String> env = provenance.environment();
            assertEquals(RuntimeEnvironment.KEYS, java.util.List.copyOf(env.keySet()));
            assertEquals(System.getProperty("ai.djl.pytorch.num_threads"), env.get(RuntimeEnvironment.INTRA_OP_THREADS));
            assertEquals("fused", env.get(RuntimeEnvironment.CELL_IMPLEMENTATION));
            assertEquals("none", env.get(RuntimeEnvironment.GPU));
            assertTrue(env.get(RuntimeEnvironment.SOURCE_COMMIT).matches("[0-9a-f]{7,}(\\+changes)?|unknown"),
                    env.get(RuntimeEnvironment.SOURCE_COMMIT));
            assertTrue(!env.get(RuntimeEnvironment.CPU).isBlank());
            assertEquals(TribuoNasVersion.VERSION, provenance.tribuoNasVersion());

            Path file = Files.createTempFile("audit", ".tribuo");
            try {
                model.serializeToFile(file);
                try (GaeaModel loaded = (GaeaModel) Model.deserializeFromFile(file)) {
                    assertEquals(env, ((GaeaTrainerProvenance) loaded.getProvenance().getTrainerProvenance()).environment());
                }
            } finally {
                Files.deleteIfExists(file);
            }

            Map<String, Provenance> older = new HashMap<>();
            provenance.forEach(p -> older.put(p.getA(), p.getB()));
            older.remove(RuntimeEnvironment.CPU);
            older.remove(GaeaTrainerProvenance.TRIBUO_NAS_VERSION);
            older.put(RuntimeEnvironment.INTRA_OP_THREADS, new StringProvenance(RuntimeEnvironment.INTRA_OP_THREADS, "7"));
            GaeaTrainerProvenance read = new GaeaTrainerProvenance(older);
            assertEquals("unknown", read.environment().get(RuntimeEnvironment.CPU));
            assertEquals("unknown", read.tribuoNasVersion());
            assertEquals("7", read.environment().get(RuntimeEnvironment.INTRA_OP_THREADS));
        }
    }

    @Test
    public void aModelFileOfANewerFormatIsRefusedSayingWhichFormatsThisVersionReads() throws Exception {
        MutableDataset<Label> train = FashionFixture.datasetHead("train", 64);
        try (GaeaModel model = TinyTrainers.tiny(7).build().train(train)) {
            ModelProto proto = model.serialize();
            ModelProto newer = proto.toBuilder().setVersion(GaeaModel.CURRENT_VERSION + 3).build();
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> Model.deserialize(newer));
            Throwable e = thrown;
            while (!(e instanceof IllegalArgumentException) && e.getCause() != null) {
                e = e.getCause();
            }
            assertTrue(e.getMessage().contains("model format " + (GaeaModel.CURRENT_VERSION + 3))
                    && e.getMessage().contains("newer") && e.getMessage().contains(TribuoNasVersion.VERSION), e.getMessage());
        }
    }
}
