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

package org.tribuo.nas.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.tribuo.nas.search.EpochRecord;
import org.tribuo.nas.search.SearchHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * The report's charts, drawn with xchart and embedded as PNG data URIs (so the page needs no
 * network and no other file).
 */
final class ReportCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    private ReportCharts() {}

    /**
     * Mean edge entropy of α per search epoch, from ln(#ops) at epoch 0.
     * @param history The search history.
     * @param numOps Candidate ops per edge.
     * @return A PNG data URI.
     */
    static String entropy(SearchHistory history, int numOps) {
        XYChart chart = chart("Mean edge entropy of α", "mean entropy (nats)");
        List<EpochRecord> epochs = history.epochs();
        double[] x = new double[epochs.size() + 1];
        double[] y = new double[epochs.size() + 1];
        y[0] = Math.log(numOps);
        for (int i = 0; i < epochs.size(); i++) {
            x[i + 1] = epochs.get(i).epoch();
            y[i + 1] = epochs.get(i).meanEntropy();
        }
        chart.addSeries("entropy", x, y).setMarker(SeriesMarkers.CIRCLE);
        chart.getStyler().setLegendVisible(false);
        return png(chart);
    }

    /**
     * Search loss and accuracy per epoch (and held-out accuracy of the supernet, bilevel).
     * @param history The search history.
     * @return A PNG data URI.
     */
    static String curves(SearchHistory history) {
        XYChart chart = chart("Supernet during the search", "loss / accuracy");
        List<EpochRecord> epochs = history.epochs();
        double[] x = epochs.stream().mapToDouble(EpochRecord::epoch).toArray();
        add(chart, "train loss", x, epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray());
        add(chart, "train accuracy", x, epochs.stream().mapToDouble(EpochRecord::trainAccuracy).toArray());
        if (epochs.stream().allMatch(e -> e.heldOutAccuracy() != null)) {
            add(chart, "held-out accuracy", x, epochs.stream().mapToDouble(EpochRecord::heldOutAccuracy).toArray());
        }
        return png(chart);
    }

    private static void add(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("search epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static String png(XYChart chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a report chart", e);
        }
    }
}
