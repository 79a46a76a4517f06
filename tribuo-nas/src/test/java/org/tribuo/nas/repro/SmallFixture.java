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

package org.tribuo.nas.repro;

import org.tribuo.nas.testutil.FashionFixture;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the first images of the committed Fashion-MNIST fixture as smaller IDX files, so that
 * tests which train (and retrain) stay fast. The files are real IDX files with their own
 * provenance (paths and hashes), as a user's data would be.
 */
public final class SmallFixture {

    private SmallFixture() {}

    /**
     * Writes {@code train-*} and {@code t10k-*} IDX files (gzipped) into a folder.
     * @param dir The target folder.
     * @param trainImages How many training images to keep.
     * @param testImages How many test images to keep.
     * @return The folder.
     * @throws IOException If reading or writing fails.
     */
    public static Path write(Path dir, int trainImages, int testImages) throws IOException {
        Files.createDirectories(dir);
        copyHead("train", dir, trainImages);
        copyHead("t10k", dir, testImages);
        return dir;
    }

    private static void copyHead(String split, Path dir, int n) throws IOException {
        for (String kind : new String[]{"images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"}) {
            String name = split + "-" + kind;
            try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(
                         FashionFixture.directory().resolve(name))));
                 DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(name))))) {
                int magic = in.readInt();
                int dims = magic & 0xff;
                int count = in.readInt();
                if (n > count) {
                    throw new IllegalArgumentException(name + " has only " + count + " items");
                }
                out.writeInt(magic);
                out.writeInt(n);
                int itemSize = 1;
                for (int d = 1; d < dims; d++) {
                    int size = in.readInt();
                    out.writeInt(size);
                    itemSize *= size;
                }
                copy(in, out, (long) n * itemSize);
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[8192];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("IDX file ended early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
