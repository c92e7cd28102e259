package dev.ember.examples;

import dev.ember.nn.LeakyReLU;
import dev.ember.nn.Module;
import dev.ember.nn.PReLU;
import dev.ember.nn.RReLU;
import dev.ember.nn.ReLU;
import dev.ember.nn.Sigmoid;
import dev.ember.nn.Tanh;
import dev.ember.nn.functional.F;
import dev.ember.tensor.Tensor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The activations and their derivatives on one grid of XChart charts: Sigmoid, Tanh, ReLU,
 * LeakyReLU, PReLU (at its init, 0.25) and RReLU (its eval line, and in training a random slope per
 * point from the default generator, between the dashed lines {@code lower·x} and {@code upper·x}).
 * Every derivative comes from Ember's autograd ({@code y.backward(ones)}, then {@code x.grad()}), not
 * from a formula.
 */
public final class ActivationCharts {
    static final int CHART_WIDTH = 480, CHART_HEIGHT = 360, COLUMNS = 3;
    static final Color FUNCTION = new Color(31, 119, 180), DERIVATIVE = new Color(255, 127, 14);
    static final Color TRAIN = new Color(44, 160, 44), TRAIN_GRAD = new Color(214, 39, 40), BAND = Color.GRAY;

    private ActivationCharts() {}

    /** y = layer(x) and dy/dx = x.grad after y.backward(ones), on x. */
    record Curve(double[] x, double[] y, double[] dydx) {
        static Curve of(Module layer, Tensor x) {
            Tensor xi = x.clone().requiresGrad_();
            Tensor y = layer.forward(xi);
            y.backward(Tensor.onesLike(y));
            return new Curve(x.toDoubleArray(), y.detach().toDoubleArray(), xi.grad().toDoubleArray());
        }
    }

    /**
     * The x grid: {@code points} evenly from {@code from} to {@code to}, plus ±0.001 so the kinks at 0
     * show sharply (and XChart, seeing uneven data, puts its ticks on round numbers).
     */
    static Tensor grid(double from, double to, int points) {
        float[] v = new float[points + 2];
        for (int i = 0; i < points; i++) v[i] = (float) (from + (to - from) * i / (points - 1));
        v[points] = -0.001f;
        v[points + 1] = 0.001f;
        java.util.Arrays.sort(v);
        return Tensor.of(v);
    }

    /** All six charts, three to a row, as one image. */
    public static BufferedImage grid() {
        Tensor x = grid(-4, 4, 401);
        List<XYChart> charts = List.of(
                chart(new Sigmoid(), x), chart(new Tanh(), x), chart(new ReLU(), x),
                chart(new LeakyReLU(), x), chart(new PReLU(), x), rreluChart(x));
        int rows = (charts.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage out = new BufferedImage(COLUMNS * CHART_WIDTH, rows * CHART_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)),
                        (i % COLUMNS) * CHART_WIDTH, (i / COLUMNS) * CHART_HEIGHT, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    static XYChart chart(Module layer, Tensor x) {
        XYChart chart = newChart(layer.toString());
        Curve c = Curve.of(layer, x);
        line(chart, "y", c.x(), c.y(), FUNCTION, false);
        line(chart, "dy/dx (backward)", c.x(), c.dydx(), DERIVATIVE, false);
        return chart;
    }

    static XYChart rreluChart(Tensor x) {
        RReLU rrelu = new RReLU();
        XYChart chart = newChart(rrelu.toString());
        Curve train = Curve.of(rrelu, x);
        Curve eval = Curve.of(new RReLU().eval(), x);
        double[] xs = x.toDoubleArray();
        line(chart, "lower·x, upper·x", xs, F.leakyRelu(x, rrelu.lower()).toDoubleArray(), BAND, true);
        line(chart, " ", xs, F.leakyRelu(x, rrelu.upper()).toDoubleArray(), BAND, true).setShowInLegend(false);
        scatter(chart, "y, training", train.x(), train.y(), TRAIN);
        scatter(chart, "dy/dx, training", train.x(), train.dydx(), TRAIN_GRAD);
        line(chart, "y, eval", eval.x(), eval.y(), FUNCTION, false);
        line(chart, "dy/dx, eval (backward)", eval.x(), eval.dydx(), DERIVATIVE, false);
        return chart;
    }

    private static XYChart newChart(String title) {
        XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(title).xAxisTitle("x").build();
        XYStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setMarkerSize(3);
        s.setXAxisMin(-4.0);
        s.setXAxisMax(4.0);
        s.setYAxisMin(-1.5);
        s.setYAxisMax(4.0);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, boolean dashed) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        if (dashed) s.setLineStyle(SeriesLines.DASH_DASH);
        return s;
    }

    private static void scatter(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
    }
}
