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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The classes and image files of an image folder, in a fixed order, checked before any file is
 * decoded: one sub-folder per class (its name is the label), class folders sorted by name, files
 * (searched through nested folders too) sorted by their path relative to the split folder.
 * Names starting with a dot are skipped, as are files directly in the split folder.
 */
final class ImageFolderLayout {

    /** The split folders a root may hold instead of classes. */
    private static final Set<String> SPLIT_NAMES = Set.of("train", "test", "validation");

    /**
     * A class and its files.
     * @param name The class name (the folder name).
     * @param files Its files, sorted by relative path.
     */
    record ClassFolder(String name, List<Path> files) {}

    private final Path folder;
    private final List<ClassFolder> classes;

    private ImageFolderLayout(Path folder, List<ClassFolder> classes) {
        this.folder = folder;
        this.classes = classes;
    }

    /**
     * Lists and checks the classes of one split.
     * @param root The root folder.
     * @param split Which split to read.
     * @return The layout.
     * @throws IOException naming the folder when it does not exist, has fewer than two classes,
     *                     an empty class, or (test and validation splits) a class that train/ lacks.
     */
    static ImageFolderLayout scan(Path root, ImageFolderDataSource.Split split) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("image folder " + root + (Files.exists(root) ? " is not a folder" : " does not exist"));
        }
        Path folder = split.folderName().isEmpty() ? root : root.resolve(split.folderName());
        if (!Files.isDirectory(folder)) {
            throw new IOException("image folder " + root + " has no " + split.folderName() + "/ folder (split=" + split
                    + " reads " + folder + "/<class>/...)");
        }
        List<Path> classFolders = subFolders(folder);
        List<String> names = classFolders.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        if (split == ImageFolderDataSource.Split.NONE && !names.isEmpty() && SPLIT_NAMES.containsAll(names)) {
            throw new IOException("image folder " + root + " holds " + names + " folders, a split layout: set split=TRAIN"
                    + " (or TEST, VALIDATION) to read one of them, its sub-folders being the classes");
        }
        if (names.size() < 2) {
            throw new IOException("image folder " + folder + " has " + (names.isEmpty() ? "no class folder" : "one class folder ("
                    + names.get(0) + ")") + "; a classifier needs at least two, one sub-folder per class");
        }
        if (split == ImageFolderDataSource.Split.TEST || split == ImageFolderDataSource.Split.VALIDATION) {
            checkKnownToTraining(root, folder, names);
        }
        List<ClassFolder> classes = new ArrayList<>();
        for (Path classFolder : classFolders) {
            List<Path> files = files(classFolder, folder);
            if (files.isEmpty()) {
                throw new IOException("class folder " + classFolder + " is empty (no image files)");
            }
            classes.add(new ClassFolder(classFolder.getFileName().toString(), files));
        }
        return new ImageFolderLayout(folder, List.copyOf(classes));
    }

    private static void checkKnownToTraining(Path root, Path folder, List<String> names) throws IOException {
        Path train = root.resolve(ImageFolderDataSource.Split.TRAIN.folderName());
        if (!Files.isDirectory(train)) {
            throw new IOException("image folder " + root + " has " + folder.getFileName() + "/ but no train/ folder to"
                    + " take its classes from");
        }
        Set<String> trained = subFolders(train).stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String name : names) {
            if (!trained.contains(name)) {
                throw new IOException("class folder " + folder.resolve(name) + " has no counterpart in " + train
                        + " (the model cannot predict a class it never saw; training classes: " + trained + ")");
            }
        }
    }

    /** The visible sub-folders, sorted by name. */
    private static List<Path> subFolders(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).filter(p -> !isHidden(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).collect(Collectors.toList());
        }
    }

    /** The visible regular files below a class folder, sorted by path relative to {@code base}. */
    private static List<Path> files(Path classFolder, Path base) throws IOException {
        try (Stream<Path> all = Files.walk(classFolder)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> noHiddenPart(classFolder.relativize(p)))
                    .sorted(Comparator.comparing(p -> relativeName(base, p))).collect(Collectors.toList());
        }
    }

    private static boolean noHiddenPart(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    /**
     * A file's path relative to the split folder, with {@code /} separators on every platform.
     * @param base The split folder.
     * @param file The file.
     * @return e.g. {@code cat/0001.png}.
     */
    static String relativeName(Path base, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path part : base.relativize(file)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    /**
     * The folder whose sub-folders are the classes (the root, or root/train etc.).
     * @return The split folder.
     */
    Path folder() {
        return folder;
    }

    /**
     * The classes in name order.
     * @return The classes with their files.
     */
    List<ClassFolder> classes() {
        return classes;
    }
}
