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
package org.tribuo.nas.data;

import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Reads the files of an {@link ImageFolderLayout} into {@link CompactImageExample}s, decoding in
 * parallel but keeping the layout's order, and digests the folder's content.
 * <p>
 * The content digest is the SHA-256 of, for each file in order, its path relative to the split
 * folder (UTF-8, {@code /} separators), a zero byte and the SHA-256 of its bytes: it changes when
 * a file is added, removed, renamed or edited, and not when the folder moves or is touched.
 * Every file counts, skipped ones too.
 */
final class ImageFolderLoader {
    private static final Logger logger = Logger.getLogger(ImageFolderLoader.class.getName());

    /**
     * What was read.
     * @param examples The examples in layout order.
     * @param filesPerClass The number of images read per class, in class order.
     * @param contentDigest The hex SHA-256 content digest.
     * @param skipped The number of files skipped as unreadable.
     */
    record Contents(List<Example<Label>> examples, Map<String, Integer> filesPerClass, String contentDigest, int skipped) {}

    /** One file's outcome: its pixels or why it could not be read, and the digest of its bytes. */
    private record Decoded(byte[] pixels, String problem, byte[] sha256) {}

    private ImageFolderLoader() {}

    /**
     * Reads every file.
     * @param layout The classes and files.
     * @param shape The target shape.
     * @param resize How to bring other sizes to it.
     * @param skipUnreadable Whether to skip files that are not readable images (else fail on the first).
     * @return The examples, counts and digest.
     * @throws IOException naming the first unreadable file (unless skipped), or a class left with no image.
     */
    static Contents load(ImageFolderLayout layout, ImageShape shape, ImageFolderDataSource.Resize resize,
                         boolean skipUnreadable) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Integer> classOf = new ArrayList<>();
        for (int c = 0; c < layout.classes().size(); c++) {
            for (Path file : layout.classes().get(c).files()) {
                files.add(file);
                classOf.add(c);
            }
        }
        Decoded[] decoded = new Decoded[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> decoded[i] = decode(files.get(i), shape, resize));

        MessageDigest folderDigest = sha256();
        List<Example<Label>> examples = new ArrayList<>(files.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Label> labels = new ArrayList<>();
        for (ImageFolderLayout.ClassFolder c : layout.classes()) {
            counts.put(c.name(), 0);
            labels.add(new Label(c.name()));
        }
        List<Integer> unreadable = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            folderDigest.update(ImageFolderLayout.relativeName(layout.folder(), files.get(i)).getBytes(StandardCharsets.UTF_8));
            folderDigest.update((byte) 0);
            if (decoded[i].sha256() != null) {
                folderDigest.update(decoded[i].sha256());
            }
            if (decoded[i].pixels() == null) {
                unreadable.add(i);
                continue;
            }
            int c = classOf.get(i);
            examples.add(new CompactImageExample<>(labels.get(c), decoded[i].pixels()));
            counts.merge(layout.classes().get(c).name(), 1, Integer::sum);
        }
        if (!unreadable.isEmpty()) {
            reportUnreadable(files, decoded, unreadable, skipUnreadable, layout.folder());
        }
        for (ImageFolderLayout.ClassFolder c : layout.classes()) {
            if (counts.get(c.name()) == 0) {
                throw new IOException("class folder " + layout.folder().resolve(c.name()) + " has no readable image (all "
                        + c.files().size() + " files were skipped)");
            }
        }
        return new Contents(Collections.unmodifiableList(examples), Collections.unmodifiableMap(counts),
                HexFormat.of().formatHex(folderDigest.digest()), unreadable.size());
    }

    private static void reportUnreadable(List<Path> files, Decoded[] decoded, List<Integer> unreadable, boolean skip,
                                         Path folder) throws IOException {
        int first = unreadable.get(0);
        String firstProblem = files.get(first) + ": " + decoded[first].problem();
        if (!skip) {
            String more = unreadable.size() > 1 ? " (and " + (unreadable.size() - 1) + " more unreadable files;"
                    + " onUnreadable=SKIP skips them)" : " (onUnreadable=SKIP skips such files)";
            throw new IOException("cannot read image " + firstProblem + more);
        }
        logger.warning("skipped " + unreadable.size() + " of " + files.size() + " files under " + folder
                + " that are not readable images; the first: " + firstProblem);
    }

    private static Decoded decode(Path file, ImageShape shape, ImageFolderDataSource.Resize resize) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return new Decoded(null, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", null);
        }
        byte[] sha = sha256().digest(bytes);
        try {
            return new Decoded(ImageResampler.pixels(ImageFileDecoder.decode(bytes), shape, resize), null, sha);
        } catch (IOException e) {
            return new Decoded(null, e.getMessage(), sha);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
