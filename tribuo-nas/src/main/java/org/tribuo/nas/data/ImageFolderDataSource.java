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

import com.oracle.labs.mlrg.olcut.config.Config;

import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.nas.util.InvalidSettingException;
import org.tribuo.provenance.DataSourceProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Tribuo data source of labelled images read from a folder tree, one sub-folder per class (the
 * folder name is the label): {@code ROOT/<class>/...}, or a split layout
 * {@code ROOT/train/<class>/...}, {@code ROOT/test/<class>/...} and optionally
 * {@code ROOT/validation/<class>/...} of which {@link #split} picks one.
 * <p>
 * Files are decoded with {@code javax.imageio} (PNG, JPEG, BMP, GIF), converted to the
 * configured channels and size ({@link ImageResampler} states how) and held as
 * {@link CompactImageExample}s, one byte per value, whose features are named as
 * {@code IDXDataSource} names pixels. Classes and files are in sorted order, so the same folder
 * gives the same examples in the same order. Everything is read and checked when the source is
 * built: a problem is an {@link IOException} naming the file or folder, before any example exists.
 * <p>
 * The provenance records the configuration, the class list, the files per class, the number of
 * skipped files and a digest of the folder's content ({@link ImageFolderDataSourceProvenance}).
 */
public final class ImageFolderDataSource implements ConfigurableDataSource<Label> {

    /** Which part of the root to read. */
    public enum Split {
        /** The root's sub-folders are the classes. */
        NONE(""),
        /** {@code ROOT/train/<class>/...}. */
        TRAIN("train"),
        /** {@code ROOT/validation/<class>/...}; its classes must be in train/ too. */
        VALIDATION("validation"),
        /** {@code ROOT/test/<class>/...}; its classes must be in train/ too. */
        TEST("test");

        private final String folderName;

        Split(String folderName) {
            this.folderName = folderName;
        }

        /**
         * The split's folder under the root.
         * @return Its name, empty for {@link #NONE}.
         */
        public String folderName() {
            return folderName;
        }
    }

    /** How an image of another size is brought to the configured size. */
    public enum Resize {
        /** Scale width and height independently (the aspect ratio may change). */
        RESIZE,
        /** Scale so the shorter side fits, then keep the centre (the aspect ratio is kept). */
        CENTER_CROP
    }

    /** What to do with a file that is not a readable image. */
    public enum OnUnreadable {
        /** Stop with an error naming the file. */
        FAIL,
        /** Leave it out, log how many were left out and record the count in the provenance. */
        SKIP
    }

    @Config(mandatory = true, description = "The root folder: one sub-folder per class, or train/, test/ (and validation/) folders of them.")
    private Path root;
    @Config(description = "Which split folder to read: NONE (the root's sub-folders are the classes), TRAIN, VALIDATION or TEST.")
    private Split split = Split.NONE;
    @Config(description = "Channels of the examples: 1 (grey) or 3 (RGB).")
    private int channels = 3;
    @Config(mandatory = true, description = "Height of the examples in pixels.")
    private int height;
    @Config(mandatory = true, description = "Width of the examples in pixels.")
    private int width;
    @Config(description = "How images of another size are brought to height x width: RESIZE or CENTER_CROP.")
    private Resize resize = Resize.RESIZE;
    @Config(description = "What to do with a file that is not a readable image: FAIL or SKIP.")
    private OnUnreadable onUnreadable = OnUnreadable.FAIL;

    private final LabelFactory labelFactory = new LabelFactory();
    private ImageShape shape;
    private ImageFolderLoader.Contents contents;
    private DataSourceProvenance provenance;

    /** For olcut. */
    private ImageFolderDataSource() {}

    /**
     * Reads an image folder.
     * @param root The root folder.
     * @param split Which split folder to read.
     * @param shape The channels (1 or 3), height and width of the examples.
     * @param resize How other sizes are brought to the shape.
     * @param onUnreadable What to do with files that are not readable images.
     * @throws IOException naming the file or folder that cannot be read as described.
     * @throws InvalidSettingException If the shape has neither 1 nor 3 channels.
     */
    public ImageFolderDataSource(Path root, Split split, ImageShape shape, Resize resize, OnUnreadable onUnreadable)
            throws IOException {
        this.root = Objects.requireNonNull(root, "root");
        this.split = Objects.requireNonNull(split, "split");
        this.channels = shape.channels();
        this.height = shape.height();
        this.width = shape.width();
        this.resize = Objects.requireNonNull(resize, "resize");
        this.onUnreadable = Objects.requireNonNull(onUnreadable, "onUnreadable");
        checkSettings();
        read();
    }

    /**
     * Used by the OLCUT configuration system, and should not be called by external code.
     */
    @Override
    public void postConfig() throws IOException {
        try {
            checkSettings();
        } catch (InvalidSettingException e) {
            throw e.asPropertyException(getClass());
        }
        read();
    }

    private void checkSettings() {
        if (channels != 1 && channels != 3) {
            throw new InvalidSettingException("channels", "must be 1 or 3, got " + channels);
        }
        if (height <= 0) {
            throw new InvalidSettingException("height", "must be positive, got " + height);
        }
        if (width <= 0) {
            throw new InvalidSettingException("width", "must be positive, got " + width);
        }
    }

    private void read() throws IOException {
        shape = new ImageShape(channels, height, width);
        contents = ImageFolderLoader.load(ImageFolderLayout.scan(root, split), shape, resize,
                onUnreadable == OnUnreadable.SKIP);
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return labelFactory;
    }

    @Override
    public synchronized DataSourceProvenance getProvenance() {
        if (provenance == null) {
            provenance = new ImageFolderDataSourceProvenance(this);
        }
        return provenance;
    }

    @Override
    public Iterator<Example<Label>> iterator() {
        return contents.examples().iterator();
    }

    /**
     * The number of images read.
     * @return The number of examples.
     */
    public int size() {
        return contents.examples().size();
    }

    /**
     * The shape of every example.
     * @return channels × height × width.
     */
    public ImageShape shape() {
        return shape;
    }

    /**
     * The class names (labels), sorted.
     * @return The classes.
     */
    public List<String> classes() {
        return new ArrayList<>(contents.filesPerClass().keySet());
    }

    /**
     * The number of images read per class, in class order.
     * @return Class name to count.
     */
    public Map<String, Integer> filesPerClass() {
        return contents.filesPerClass();
    }

    /**
     * The hex SHA-256 digest of the folder's file names and contents (see {@link ImageFolderLoader}).
     * @return The content digest.
     */
    public String contentDigest() {
        return contents.contentDigest();
    }

    /**
     * The number of files left out as unreadable ({@link OnUnreadable#SKIP}).
     * @return The number of skipped files.
     */
    public int skippedFiles() {
        return contents.skipped();
    }

    @Override
    public String toString() {
        return "ImageFolderDataSource(root=" + root + ",split=" + split + ",shape=" + shape + ",resize=" + resize
                + ",onUnreadable=" + onUnreadable + ",classes=" + contents.filesPerClass() + ")";
    }
}
