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

package org.tribuo.nas.experiment;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder a command writes its results to, checked before any long work starts: it is created
 * if missing, and a probe file is written and deleted. If the check fails, folders it created are
 * removed again, so nothing is left behind.
 */
public final class OutputFolder {

    private final Path dir;
    /** Folders this instance created, deepest first. */
    private final List<Path> created;

    private OutputFolder(Path dir, List<Path> created) {
        this.dir = dir;
        this.created = created;
    }

    /**
     * Creates the folder if needed and checks that files can be written into it.
     * @param dir The folder.
     * @return The checked folder.
     * @throws IOException With a message naming the folder and the reason, if it cannot be used.
     */
    public static OutputFolder prepare(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> created = new ArrayList<>();
        try {
            for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
                created.add(p);
            }
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.createDirectory(created.get(i));
                } catch (FileAlreadyExistsException e) {
                    // Another run (a parallel sweep task) made it between the check and here: use it, it is not ours to remove.
                    if (!Files.isDirectory(created.get(i))) {
                        throw e;
                    }
                    created.remove(i);
                }
            }
            if (!Files.isDirectory(abs)) {
                throw new IOException("it exists and is not a folder");
            }
            Path probe = Files.createTempFile(abs, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            new OutputFolder(abs, created).removeIfUnused();
            throw new IOException("output folder '" + dir + "' is not writable: " + reason(e), e);
        }
        return new OutputFolder(abs, created);
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied on " + ((java.nio.file.FileSystemException) e).getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()) + " (" + f.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * The folder.
     * @return The absolute path.
     */
    public Path dir() {
        return dir;
    }

    /**
     * A file in the folder.
     * @param name The file name.
     * @return The path.
     */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /**
     * After a failure: deletes the folders this instance created, if they are still empty.
     */
    public void removeIfUnused() {
        for (Path p : created) {
            try {
                if (Files.isDirectory(p) && isEmpty(p)) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static boolean isEmpty(Path p) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
            return !s.iterator().hasNext();
        }
    }
}
