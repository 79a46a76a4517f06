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

package org.tribuo.nas.checkpoint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary layout of a checkpoint file: a magic string, the format version, the kind
 * ({@code search} or {@code final}), the run fingerprint and the non-tensor state as JSON, the
 * network tensors and momentum buffers as raw float32, and a CRC-32 of everything before it, so a
 * damaged or truncated file is recognized instead of silently resumed.
 */
final class CheckpointFile {

    private static final byte[] MAGIC = "TRIBUO-NAS-CHECKPOINT\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a file holds.
     * @param kind {@code search} or {@code final}.
     * @param fingerprint The run that wrote it.
     * @param stateJson The phase's state without the network.
     * @param network The network and optimizer tensors.
     */
    record Contents(String kind, RunFingerprint fingerprint, String stateJson, NetworkState network) {}

    private CheckpointFile() {}

    static ObjectMapper json() {
        return JSON;
    }

    static byte[] encode(Contents c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(c.kind());
        writeBlob(out, JSON.writeValueAsBytes(c.fingerprint().values()));
        writeBlob(out, c.stateJson().getBytes(StandardCharsets.UTF_8));
        NetworkState n = c.network();
        out.writeInt(n.tensors().size());
        for (NetworkState.Tensor t : n.tensors()) {
            out.writeUTF(t.name());
            out.writeInt(t.shape().length);
            for (long d : t.shape()) {
                out.writeLong(d);
            }
            writeFloats(out, t.values());
        }
        out.writeInt(n.momentum().length);
        for (float[] m : n.momentum()) {
            writeFloats(out, m);
        }
        out.writeFloat(n.lastLearningRate());
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Decodes a file's bytes.
     * @param name The file, for messages.
     * @param data Its bytes.
     * @return The contents.
     * @throws CheckpointException if the bytes are not an intact checkpoint.
     */
    static Contents decode(String name, byte[] data) {
        if (data.length < MAGIC.length + Long.BYTES || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException("'" + name + "' is not a tribuo-nas checkpoint (wrong header)");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - Long.BYTES);
        long stored = ByteBuffer.wrap(data, data.length - Long.BYTES, Long.BYTES).getLong();
        if (stored != crc.getValue()) {
            throw new CheckpointException("checkpoint '" + name + "' is damaged (checksum mismatch: truncated or "
                    + "overwritten); delete it to redo that phase from its start");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data, MAGIC.length,
                data.length - MAGIC.length - Long.BYTES))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new CheckpointException("checkpoint '" + name + "' has format version " + version
                        + ", this tribuo-nas reads version " + VERSION);
            }
            String kind = in.readUTF();
            Map<String, String> fingerprint = JSON.readValue(readBlob(in), new TypeReference<Map<String, String>>() {});
            String state = new String(readBlob(in), StandardCharsets.UTF_8);
            int count = in.readInt();
            List<NetworkState.Tensor> tensors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String tensorName = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                }
                tensors.add(new NetworkState.Tensor(tensorName, shape, readFloats(in)));
            }
            float[][] momentum = new float[in.readInt()][];
            for (int i = 0; i < momentum.length; i++) {
                momentum[i] = readFloats(in);
            }
            float lastLearningRate = in.readFloat();
            return new Contents(kind, new RunFingerprint(fingerprint), state,
                    new NetworkState(tensors, momentum, lastLearningRate));
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint '" + name + "' ends early", e);
        } catch (IOException e) {
            throw new CheckpointException("checkpoint '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeBlob(DataOutputStream out, byte[] blob) throws IOException {
        out.writeInt(blob.length);
        out.write(blob);
    }

    private static byte[] readBlob(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative section length " + length);
        }
        byte[] blob = in.readNBytes(length);
        if (blob.length != length) {
            throw new EOFException();
        }
        return blob;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative tensor length " + n);
        }
        byte[] raw = in.readNBytes(Math.multiplyExact(n, Float.BYTES));
        if (raw.length != n * Float.BYTES) {
            throw new EOFException();
        }
        float[] values = new float[n];
        ByteBuffer.wrap(raw).asFloatBuffer().get(values);
        return values;
    }
}
