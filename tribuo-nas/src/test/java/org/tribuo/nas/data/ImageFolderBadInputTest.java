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

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.nas.data.ImageFolderDataSource.OnUnreadable;
import org.tribuo.nas.data.ImageFolderDataSource.Resize;
import org.tribuo.nas.data.ImageFolderDataSource.Split;
import org.tribuo.nas.util.InvalidSettingException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tribuo.nas.data.ImageFolderDataSourceTest.grey;
import static org.tribuo.nas.testutil.ImageFolderFixtures.noisy;
import static org.tribuo.nas.testutil.ImageFolderFixtures.truncate;
import static org.tribuo.nas.testutil.ImageFolderFixtures.write;

/**
 * Every kind of bad input gets a one-line error naming the file or folder, or with
 * {@code onUnreadable=SKIP} a logged count that the provenance records.
 */
public class ImageFolderBadInputTest {

    private static final ImageShape SHAPE = new ImageShape(1, 4, 4);

    private static IOException failure(Path root, Split split) {
        IOException e = assertThrows(IOException.class,
                () -> new ImageFolderDataSource(root, split, SHAPE, Resize.RESIZE, OnUnreadable.FAIL));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static void assertMentions(IOException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    /** Two readable classes, so that only the file under test is wrong. */
    private static void twoClasses(Path root) throws IOException {
        grey(root.resolve("cat/ok.png"), 1);
        grey(root.resolve("dog/ok.png"), 2);
    }

    @Test
    public void truncatedPngNamesTheFile(@TempDir Path root) throws IOException {
        twoClasses(root);
        Path broken = write(noisy(32, 32, BufferedImage.TYPE_INT_RGB, 128, new Random(1)), "png", root.resolve("cat/broken.png"));
        truncate(broken, 200);
        assertMentions(failure(root, Split.NONE), broken.toString(), "damaged or truncated PNG", "onUnreadable=SKIP");
    }

    @Test
    public void truncatedJpegNamesTheFile(@TempDir Path root) throws IOException {
        twoClasses(root);
        Path broken = write(noisy(64, 64, BufferedImage.TYPE_INT_RGB, 128, new Random(2)), "jpeg", root.resolve("dog/broken.jpg"));
        truncate(broken, (int) Files.size(broken) / 2);
        assertMentions(failure(root, Split.NONE), broken.toString(), "damaged or truncated JPEG");
    }

    @Test
    public void fileThatIsNotAnImageNamesTheFile(@TempDir Path root) throws IOException {
        twoClasses(root);
        Path notes = Files.writeString(root.resolve("cat/notes.txt"), "not a picture");
        Path empty = Files.write(root.resolve("dog/empty.png"), new byte[0]);
        IOException e = failure(root, Split.NONE);
        assertMentions(e, notes.toString(), "not an image", "and 1 more");
        Files.delete(notes);
        assertMentions(failure(root, Split.NONE), empty.toString(), "empty file");
    }

    @Test
    public void emptyClassFolderNamesTheFolder(@TempDir Path root) throws IOException {
        twoClasses(root);
        Files.createDirectories(root.resolve("bird"));
        Files.write(root.resolve("bird/.hidden"), new byte[] {1});
        assertMentions(failure(root, Split.NONE), root.resolve("bird").toString(), "is empty");
    }

    @Test
    public void oneClassOrNoneIsRefused(@TempDir Path root) throws IOException {
        assertMentions(failure(root, Split.NONE), "no class folder");
        grey(root.resolve("cat/1.png"), 1);
        assertMentions(failure(root, Split.NONE), root.toString(), "one class folder (cat)", "at least two");
    }

    @Test
    public void testClassUnknownToTrainingIsRefused(@TempDir Path root) throws IOException {
        twoClasses(root.resolve("train"));
        twoClasses(root.resolve("test"));
        grey(root.resolve("test/bird/1.png"), 3);
        assertMentions(failure(root, Split.TEST), root.resolve("test/bird").toString(), "no counterpart", "[cat, dog]");
        assertEquals(2, new ImageFolderDataSource(root, Split.TRAIN, SHAPE, Resize.RESIZE, OnUnreadable.FAIL).size());
    }

    @Test
    public void missingFoldersAndSplitMistakesAreNamed(@TempDir Path root) throws IOException {
        assertMentions(failure(root.resolve("nowhere"), Split.NONE), root.resolve("nowhere").toString(), "does not exist");
        twoClasses(root.resolve("train"));
        assertMentions(failure(root, Split.TEST), "no test/ folder");
        grey(root.resolve("test/cat/1.png"), 1);
        assertMentions(failure(root, Split.NONE), "split layout", "split=TRAIN");
    }

    @Test
    public void badShapeIsASettingError(@TempDir Path root) throws IOException {
        twoClasses(root);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new ImageFolderDataSource(root,
                Split.NONE, new ImageShape(2, 4, 4), Resize.RESIZE, OnUnreadable.FAIL));
        assertEquals("channels", e.setting());
    }

    @Test
    public void skipLeavesUnreadableFilesOutLogsAndRecordsTheCount(@TempDir Path root) throws IOException {
        twoClasses(root);
        grey(root.resolve("dog/ok2.png"), 5);
        Files.writeString(root.resolve("cat/notes.txt"), "not a picture");
        Files.write(root.resolve("dog/zero.png"), new byte[0]);
        List<String> warnings = new java.util.ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ImageFolderLoader.class.getName());
        logger.addHandler(handler);
        ImageFolderDataSource source;
        try {
            source = new ImageFolderDataSource(root, Split.NONE, SHAPE, Resize.RESIZE, OnUnreadable.SKIP);
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(3, source.size());
        assertEquals(Map.of("cat", 1, "dog", 2), source.filesPerClass());
        assertEquals(2, source.skippedFiles());
        Map<String, PrimitiveProvenance<?>> values = ((ImageFolderDataSourceProvenance) source.getProvenance()).getInstanceValues();
        assertEquals(2, values.get(ImageFolderDataSourceProvenance.SKIPPED_FILES).getValue());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("skipped 2 of 5 files"), warnings.get(0));
    }

    @Test
    public void skipStillRefusesAClassLeftWithoutImages(@TempDir Path root) throws IOException {
        twoClasses(root);
        Files.createDirectories(root.resolve("bird"));
        Files.writeString(root.resolve("bird/notes.txt"), "not a picture");
        IOException e = assertThrows(IOException.class,
                () -> new ImageFolderDataSource(root, Split.NONE, SHAPE, Resize.RESIZE, OnUnreadable.SKIP));
        assertMentions(e, root.resolve("bird").toString(), "no readable image");
    }
}
