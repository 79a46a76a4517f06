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

package org.tribuo.nas.sweep;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The summary page's charts, embedded as PNG data URIs: a box plot of the test accuracy per group,
 * every run's entropy curve on an axis from 0 to ln K, so a fall is seen at its true size, and for
 * cost-aware searches the test accuracy against the found network's measured cost.
 */
final class SummaryCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private SummaryCharts() {}

    /**
     * Test accuracy of the runs of each group, as a box plot (runs without a test accuracy left out).
     * @param summary The summary.
     * @return A PNG data URI.
     */
    static String accuracy(SweepSummary summary) {
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title("Test accuracy per group")
                .yAxisTitle("test accuracy").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        for (GroupSummary group : summary.groups()) {
            List<Double> accuracies = new ArrayList<>();
            for (RunResult r : summary.results()) {
                if (r.group().equals(group.group()) && r.testAccuracy() != null) {
                    accuracies.add(r.testAccuracy());
                }
            }
            if (!accuracies.isEmpty()) {
                chart.addSeries(group.group(), accuracies);
            }
        }
        return png(chart);
    }

    /**
     * Mean edge entropy after each search epoch, from ln K at epoch 0, one curve per run that
     * searched.
     * @param summary The summary.
     * @return A PNG data URI.
     */
    static String entropy(SweepSummary summary) {
        XYChart chart = chart("Mean edge entropy of α per run", "search epoch", "mean entropy (nats)");
        double maxEntropy = 0;
        for (RunResult r : summary.results()) {
            if (r.entropy().isEmpty()) {
                continue; // a random cell (randomCell): no search, no entropy curve
            }
            double[] x = new double[r.entropy().size() + 1];
            double[] y = new double[x.length];
            y[0] = r.maxEntropy();
            for (int i = 0; i < r.entropy().size(); i++) {
                x[i + 1] = i + 1;
                y[i + 1] = r.entropy().get(i);
            }
            chart.addSeries(r.name(), x, y).setMarker(SeriesMarkers.CIRCLE);
            maxEntropy = Math.max(maxEntropy, r.maxEntropy());
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(maxEntropy * 1.05);
        chart.getStyler().setXAxisDecimalPattern("0");
        return png(chart);
    }

    /**
     * Whether any run of a cost-aware search has both a measured cost and a test accuracy.
     * @param summary The summary.
     * @return True if {@link #pareto} has points to draw.
     */
    static boolean hasCosts(SweepSummary summary) {
        return summary.results().stream().anyMatch(r -> r.measuredCost() != null && r.testAccuracy() != null);
    }

    /**
     * Test accuracy against the measured cost of the found network, one series per group: the
     * trade-off a sweep over cost budgets traces.
     * @param summary The summary; runs without a measured cost or a test accuracy are left out.
     * @return A PNG data URI.
     */
    static String pareto(SweepSummary summary) {
        String metric = summary.results().stream().map(RunResult::costMetric).filter(m -> m != null).findFirst().orElse("");
        String unit = "LATENCY".equals(metric) ? "measured latency (ms)" : "PARAMETERS".equals(metric) ? "parameters" : "measured cost";
        XYChart chart = chart("Test accuracy against the found network's cost", unit, "test accuracy");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(9);
        for (GroupSummary group : summary.groups()) {
            List<Double> cost = new ArrayList<>();
            List<Double> accuracy = new ArrayList<>();
            for (RunResult r : summary.results()) {
                if (r.group().equals(group.group()) && r.measuredCost() != null && r.testAccuracy() != null) {
                    cost.add(r.measuredCost());
                    accuracy.add(r.testAccuracy());
                }
            }
            if (!cost.isEmpty()) {
                chart.addSeries(group.group(), cost, accuracy);
            }
        }
        return png(chart);
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    private static String png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a sweep summary chart", e);
        }
    }
}
