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

package org.tribuo.nas.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.tribuo.nas.checkpoint.RunPhase;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.loop.EpochFigures;
import org.tribuo.nas.loop.TrainingEpoch;
import org.tribuo.nas.loop.TrainingProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a {@link org.tribuo.nas.GaeaTrainer}'s progress on the console: one line per epoch
 * (loss, accuracy, and for the search the α entropy and current genotype) on the output stream,
 * and, on an interactive terminal, a progress bar with ETA per phase (search, then final
 * training) on the error stream. The bar is cleared before each epoch line, so lines and bar do
 * not mix.
 */
final class ConsoleProgress implements TrainingProgress {

    private final PrintStream out;
    private final PrintStream barStream;
    private final int barWidth;
    private final Object lock = new Object();

    private ProgressBar bar;
    private int lastRendered;
    private int epochs;
    private int stepsPerEpoch;
    private long phaseStart;

    /**
     * Creates a progress display.
     * @param out Where epoch lines go.
     * @param barStream Where the progress bar goes, or null for no bar.
     */
    ConsoleProgress(PrintStream out, PrintStream barStream) {
        this.out = out;
        this.barStream = barStream;
        this.barWidth = terminalWidth();
    }

    private static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").trim());
            return Math.max(40, Math.min(columns - 1, 140));
        } catch (NumberFormatException e) {
            return 100;
        }
    }


    @Override
    public void onPhaseStart(RunPhase phase, int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        this.phaseStart = System.nanoTime();
        line(String.format(Locale.ROOT, "%s: %d epoch%s of %d steps", capitalized(phase),
                epochs, epochs == 1 ? "" : "s", stepsPerEpoch));
        if (barStream != null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(phase.displayName())
                    .setInitialMax((long) epochs * this.stepsPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setUnit(" steps", 1)
                    .setConsumer(new DelegatingProgressBarConsumer(this::render, barWidth))
                    .build();
        }
    }

    private void render(String rendered) {
        synchronized (lock) {
            int pad = Math.max(0, lastRendered - rendered.length());
            barStream.print("\r" + rendered + " ".repeat(pad));
            barStream.flush();
            lastRendered = rendered.length();
        }
    }

    @Override
    public void onStep(RunPhase phase, int epoch, int step) {
        if (bar != null) {
            bar.stepTo((long) (epoch - 1) * stepsPerEpoch + Math.min(step, stepsPerEpoch));
            bar.setExtraMessage("epoch " + epoch + "/" + epochs);
        }
    }

    @Override
    public void onEpoch(RunPhase phase, EpochFigures figures) {
        if (figures instanceof EpochRecord r) {
            searchEpoch(r);
        } else if (figures instanceof TrainingEpoch e) {
            trainingEpoch(e);
        } else {
            line(String.format(Locale.ROOT, "  %s epoch %d/%d  %s", phase.displayName(), figures.epoch(), epochs,
                    figures.summary()));
        }
    }

    private void searchEpoch(EpochRecord r) {
        String heldOut = r.heldOutAccuracy() == null ? ""
                : String.format(Locale.ROOT, "  held-out %.4f", r.heldOutAccuracy());
        String cost = r.expectedCost() == null ? ""
                : String.format(Locale.ROOT, "  E[cost] %.4g (λ %.3g)", r.expectedCost(), r.costMultiplier());
        line(String.format(Locale.ROOT, "  search epoch %d/%d  loss %.4f  accuracy %.4f%s  entropy %.4f%s  %s  (%.1f s)",
                r.epoch(), epochs, r.trainLoss(), r.trainAccuracy(), heldOut, r.meanEntropy(), cost, r.genotype(), r.seconds()));
    }

    private void trainingEpoch(TrainingEpoch e) {
        line(String.format(Locale.ROOT, "  training epoch %d/%d  lr %.4f  loss %.4f  accuracy %.4f  (%.1f s)",
                e.epoch(), epochs, e.learningRate(), e.trainLoss(), e.trainAccuracy(), e.seconds()));
    }

    @Override
    public void onPhaseEnd(RunPhase phase) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        line(String.format(Locale.ROOT, "%s done in %.1f s", capitalized(phase),
                (System.nanoTime() - phaseStart) / 1e9));
    }

    private static String capitalized(RunPhase phase) {
        String name = phase.displayName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Prints a line on the output, clearing the bar first; the bar is redrawn on its next update. */
    private void line(String text) {
        synchronized (lock) {
            if (barStream != null && lastRendered > 0) {
                barStream.print("\r" + " ".repeat(lastRendered) + "\r");
                barStream.flush();
                lastRendered = 0;
            }
            out.println(text);
            out.flush();
        }
        ProgressBar current = bar;
        if (current != null) {
            current.refresh();
        }
    }
}
