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
package org.tribuo.nas.examples.bench;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.nas.data.ImageFolderDataSource;
import org.tribuo.nas.data.ImageFolderDataSource.OnUnreadable;
import org.tribuo.nas.data.ImageFolderDataSource.Resize;
import org.tribuo.nas.data.ImageFolderDataSource.Split;
import org.tribuo.nas.data.ImageShape;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * How fast {@link ImageFolderDataSource} loads a folder of small colour PNGs and how much heap
 * its examples take, against Tribuo's usual {@link ArrayExample} of the same pixels.
 * <p>
 * It writes (once, seeded) N images of 3×32×32 in 10 class folders (smooth colour gradients with
 * noise, so the PNGs compress like photographs rather than like pure noise), then per repeat
 * times the data source (list, read, hash, decode, convert) and the {@link MutableDataset} built
 * from it, and measures the heap both hold after a full GC. The ArrayExample row copies the
 * first images, all pixels as features (dense, as the compact examples are), and reports the
 * heap of those copies per image. Run it with {@code -Xmx1g} to show that N images fit in 1 GB.
 * <pre>
 * java -Xmx1g -cp ... org.tribuo.nas.examples.bench.ImageFolderBenchmark --images 50000 --repeats 3
 * </pre>
 */
public final class ImageFolderBenchmark {

    private static final List<String> OPTIONS = List.of("images", "repeats", "folder", "array-examples");
    private static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static final int CLASSES = 10;

    private ImageFolderBenchmark() {}

    /**
     * Runs the benchmark.
     * @param args {@code --images N} (50000), {@code --repeats R} (3), {@code --folder DIR}
     *             (output/bench-image-folder-N), {@code --array-examples M} (5000).
     * @throws IOException If the folder cannot be written or read.
     */
    public static void main(String[] args) throws IOException {
        BenchArgs options = BenchArgs.parse(args, OPTIONS, Set.of());
        if (options.help()) {
            System.out.println("usage: ImageFolderBenchmark [--images N] [--repeats R] [--folder DIR] [--array-examples M]");
            return;
        }
        int images = options.getInt("images", 50_000, CLASSES * 2);
        int repeats = options.getInt("repeats", 3, 1);
        int arrayExamples = Math.min(images, options.getInt("array-examples", 5_000, 1));
        Path folder = Paths.get(options.get("folder", "output/bench-image-folder-" + images));
        PrintStream out = System.out;
        out.println("# ImageFolderDataSource: load speed and heap per image");
        out.println();
        out.println("- date: " + Instant.now());
        out.println("- JVM: " + System.getProperty("java.runtime.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        out.println("- CPU: " + BenchMachine.cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " available processors");
        BenchMachine.CpuSample before = BenchMachine.CpuSample.now();
        sleep(1000);
        out.printf(Locale.ROOT, "- other processes' CPU before start (1 s sample): %.2f cores%n",
                BenchMachine.CpuSample.otherCoresSince(before));
        long bytes = writeFolder(folder, images);
        out.printf(Locale.ROOT, "- folder: %s, %d PNG files of %s in %d classes, %.1f MB on disk%n", folder, images,
                SHAPE, CLASSES, bytes / 1048576.0);
        out.println();
        out.println("| run | what | images | seconds | images/s | heap MB | heap bytes/image |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        for (int r = 1; r <= repeats; r++) {
            long baseline = usedHeap();
            long start = System.nanoTime();
            ImageFolderDataSource source = new ImageFolderDataSource(folder, Split.NONE, SHAPE, Resize.RESIZE,
                    OnUnreadable.FAIL);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long afterSource = usedHeap();
            row(out, r, "ImageFolderDataSource (decode)", source.size(), loadSeconds, afterSource - baseline);
            start = System.nanoTime();
            MutableDataset<Label> dataset = new MutableDataset<>(source);
            double datasetSeconds = (System.nanoTime() - start) / 1e9;
            long afterDataset = usedHeap();
            row(out, r, "+ MutableDataset (feature map)", dataset.size(), datasetSeconds, afterDataset - baseline);
            row(out, r, "load + dataset", dataset.size(), loadSeconds + datasetSeconds, afterDataset - baseline);
            if (r == repeats) {
                List<Example<Label>> copies = new ArrayList<>(arrayExamples);
                long beforeCopies = usedHeap();
                for (int i = 0; i < arrayExamples; i++) {
                    copies.add(new ArrayExample<>(dataset.getExample(i)));
                }
                long copiesHeap = usedHeap() - beforeCopies;
                row(out, r, "ArrayExample copies (for comparison)", copies.size(), Double.NaN, copiesHeap);
                reachabilityFence(copies);
            }
            reachabilityFence(dataset);
        }
    }

    private static void row(PrintStream out, int run, String what, int images, double seconds, long heapBytes) {
        out.printf(Locale.ROOT, "| %d | %s | %d | %s | %s | %.1f | %.0f |%n", run, what, images,
                Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.2f", seconds),
                Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.0f", images / seconds),
                heapBytes / 1048576.0, (double) heapBytes / images);
    }

    /** Writes the images unless a complete folder of this size is there already; returns its size on disk. */
    private static long writeFolder(Path folder, int images) throws IOException {
        Path done = folder.resolve(".complete");
        if (!Files.exists(done)) {
            Random rng = new Random(35);
            for (int i = 0; i < images; i++) {
                int c = i % CLASSES;
                Path file = folder.resolve("class-" + c).resolve(String.format(Locale.ROOT, "%06d.png", i));
                Files.createDirectories(file.getParent());
                ImageIO.write(gradient(c, rng), "png", file.toFile());
            }
            Files.writeString(done, Integer.toString(images));
        }
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A colour gradient whose direction and hue depend on the class, with a little noise. */
    private static BufferedImage gradient(int c, Random rng) {
        BufferedImage image = new BufferedImage(SHAPE.width(), SHAPE.height(), BufferedImage.TYPE_INT_RGB);
        double angle = 2 * Math.PI * c / CLASSES + rng.nextGaussian() * 0.3;
        for (int y = 0; y < SHAPE.height(); y++) {
            for (int x = 0; x < SHAPE.width(); x++) {
                double t = 0.5 + ((x - 16) * Math.cos(angle) + (y - 16) * Math.sin(angle)) / 45.0;
                int r = clamp(255 * t + rng.nextInt(9) - 4);
                int g = clamp(255 * (1 - t) * (c % 3) / 2.0 + rng.nextInt(9) - 4);
                int b = clamp(40 * c % 256 + rng.nextInt(9) - 4);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Heap in use after full collections. */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void reachabilityFence(Object o) {
        java.lang.ref.Reference.reachabilityFence(o);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
