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

import org.tribuo.nas.util.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The checkpoints of one run in a folder: {@value #SEARCH_FILE} for the search and
 * {@value #FINAL_FILE} for the final training, each replaced atomically at the end of every
 * epoch (temporary file, then move), so a crash at any moment leaves the previous complete
 * checkpoint. A checkpoint is only handed back to a run with the same {@link RunFingerprint}.
 * <p>
 * Setting the system property {@value #SLOW_WRITE_PROPERTY} to a number of milliseconds pauses
 * every write halfway for that long; the kill-and-resume script uses it to kill the process
 * during a write.
 */
public final class RunCheckpoints implements AutoCloseable {

    private static final Logger logger = Logger.getLogger(RunCheckpoints.class.getName());

    /** The search checkpoint's file name. */
    public static final String SEARCH_FILE = "search.ckpt";
    /** The final-training checkpoint's file name. */
    public static final String FINAL_FILE = "final.ckpt";
    /** The lock file that marks a checkpoint folder as in use by one run. */
    public static final String LOCK_FILE = ".lock";
    /** System property: pause each checkpoint write halfway by this many milliseconds (testing). */
    public static final String SLOW_WRITE_PROPERTY = "tribuo.nas.checkpoint.slowWriteMillis";


    private final Path dir;
    private final RunFingerprint fingerprint;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<RunPhase, String> lastGood = new EnumMap<>(RunPhase.class);

    private RunCheckpoints(Path dir, RunFingerprint fingerprint, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * No checkpoints: nothing is written or resumed.
     * @return The disabled instance.
     */
    public static RunCheckpoints disabled() {
        return new RunCheckpoints(null, null, null, null);
    }

    /**
     * The checkpoints of a run in a folder, which is created if needed. Temporary files left by
     * an interrupted write are deleted.
     * @param dir The folder.
     * @param fingerprint The run's fingerprint.
     * @return The checkpoints.
     * @throws CheckpointException if the folder cannot be created or cleaned, or another run holds it
     * (until that run {@link #close() closes} its checkpoints).
     */
    public static RunCheckpoints open(Path dir, RunFingerprint fingerprint) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CheckpointException("cannot use the checkpoint folder '" + dir + "': " + e, e);
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new CheckpointException("the checkpoint folder '" + dir + "' is in use by another run (it holds "
                        + dir.resolve(LOCK_FILE) + "); wait for that run to end, or give this run another output folder");
            }
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, ".*.ckpt.*.tmp")) {
                for (Path p : stale) {
                    logger.info(() -> "deleting " + p + ", left by an interrupted checkpoint write");
                    Files.deleteIfExists(p);
                }
            }
            return new RunCheckpoints(dir, fingerprint, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException("cannot use the checkpoint folder '" + dir + "': " + e, e);
        }
    }

    /**
     * Releases the folder for other runs and removes the lock file (nothing to do for
     * {@link #disabled()}).
     */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            // Removed while still held, so the folder holds only the run's outputs afterwards.
            Files.deleteIfExists(dir.resolve(LOCK_FILE));
            lock.release();
        } catch (IOException e) {
            logger.warning(() -> "could not release the lock on " + dir.resolve(LOCK_FILE) + ": " + e);
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                logger.fine(() -> "closing a lock file: " + e);
            }
        }
    }

    /**
     * Whether checkpoints are written.
     * @return False for {@link #disabled()}.
     */
    public boolean enabled() {
        return dir != null;
    }

    /**
     * The folder.
     * @return The folder, or null if disabled.
     */
    public Path folder() {
        return dir;
    }

    /**
     * A phase's checkpoint of this run, if one was written.
     * @param phase The phase.
     * @param type The phase's state record.
     * @param <T> The record type.
     * @return The state with its network, or empty.
     * @throws CheckpointException if it is damaged or was written by a different run.
     */
    public <T extends PhaseState> Optional<T> load(RunPhase phase, Class<T> type) {
        return load(phase.file(), phase.kind()).map(c -> {
            T state = parse(phase.file(), c.stateJson(), type);
            lastGood.put(phase, describe(phase, state.epochsDone()));
            return type.cast(state.withNetwork(c.network()));
        });
    }

    /**
     * Saves a phase's state at the end of an epoch (does nothing if disabled). The caller checks
     * the network is finite first, so a diverged state never replaces the last good one.
     * @param phase The phase.
     * @param state The state, with its network.
     * @throws CheckpointException if it cannot be written.
     */
    public void save(RunPhase phase, PhaseState state) {
        if (!enabled()) {
            return;
        }
        save(phase.file(), phase.kind(), state.withNetwork(null), state.network());
        lastGood.put(phase, describe(phase, state.epochsDone()));
    }

    /**
     * Where a diverged phase can be picked up, for error messages.
     * @param phase The phase.
     * @return A sentence naming the last good checkpoint of the phase, or saying there is none.
     */
    public String lastGood(RunPhase phase) {
        if (!enabled()) {
            return "No checkpoint was kept (checkpoints are off: set a checkpoint folder to keep one)";
        }
        String description = lastGood.get(phase);
        return description == null ? "No good checkpoint of this phase exists yet" : "The last good checkpoint is kept: "
                + description;
    }

    private String describe(RunPhase phase, int epochs) {
        return phase.label() + " epoch " + epochs + " in " + dir.resolve(phase.file());
    }

    private Optional<CheckpointFile.Contents> load(String fileName, String kind) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = dir.resolve(fileName);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint '" + file + "': " + e, e);
        }
        CheckpointFile.Contents contents = CheckpointFile.decode(file.toString(), bytes);
        if (!kind.equals(contents.kind())) {
            throw new CheckpointException("checkpoint '" + file + "' holds a " + contents.kind() + " state, not " + kind);
        }
        List<String> differences = fingerprint.differences(contents.fingerprint());
        if (!differences.isEmpty()) {
            throw new CheckpointException("checkpoint '" + file + "' was written by a different configuration or data "
                    + "(fingerprint " + contents.fingerprint().hash() + ", this run " + fingerprint.hash() + "); "
                    + "differences:\n  " + String.join("\n  ", differences)
                    + "\nUse another output folder, or delete '" + dir + "' to start over.");
        }
        return Optional.of(contents);
    }

    private static <T> T parse(String fileName, String json, Class<T> type) {
        try {
            return CheckpointFile.json().readValue(json, type);
        } catch (IOException e) {
            throw new CheckpointException("checkpoint '" + fileName + "' has an unreadable state: " + e.getMessage(), e);
        }
    }

    private void save(String fileName, String kind, Object state, NetworkState network) {
        Path file = dir.resolve(fileName);
        try {
            byte[] bytes = CheckpointFile.encode(new CheckpointFile.Contents(kind, fingerprint,
                    CheckpointFile.json().writeValueAsString(state), network));
            AtomicFiles.write(file, out -> writeMaybeSlowly(out, bytes));
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint '" + file + "': " + e, e);
        }
    }

    private static void writeMaybeSlowly(OutputStream out, byte[] bytes) throws IOException {
        long pause = Long.getLong(SLOW_WRITE_PROPERTY, 0L);
        if (pause <= 0) {
            out.write(bytes);
            return;
        }
        int half = bytes.length / 2;
        out.write(bytes, 0, half);
        out.flush();
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a checkpoint", e);
        }
        out.write(bytes, half, bytes.length - half);
    }
}
