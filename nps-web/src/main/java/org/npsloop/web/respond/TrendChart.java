package org.npsloop.web.respond;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the public trend chart, drawn as inline SVG by the page (no script, nothing the
 * content security policy would block): one point per period, evenly spaced, the NPS line and its 95%
 * band broken where a period is hidden (too few answers), the y axis fitted to the data in steps of 10.
 */
public record TrendChart(int width, int height, List<String> lines, List<String> bands, List<Dot> dots, List<Tick> yTicks,
        List<Tick> xTicks) {

    static final int WIDTH = 600;
    static final int HEIGHT = 260;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 36;
    /** At most this many period labels under the axis; the table lists them all. */
    static final int MAX_X_LABELS = 8;

    /** One period: its label and, unless hidden, its NPS and margin of error. */
    public record Point(String label, Double nps, Double marginOfError) {
    }

    public record Dot(String x, String y, String label) {
    }

    public record Tick(String position, String label) {
    }

    static TrendChart of(List<Point> points) {
        double min = 0;
        double max = 0;
        boolean any = false;
        for (Point p : points) {
            if (p.nps() != null) {
                double low = p.nps() - p.marginOfError();
                double high = p.nps() + p.marginOfError();
                min = any ? Math.min(min, low) : low;
                max = any ? Math.max(max, high) : high;
                any = true;
            }
        }
        double bottom = any ? Math.max(-100, Math.floor(min / 10) * 10) : -100;
        double top = any ? Math.min(100, Math.ceil(max / 10) * 10) : 100;
        if (top - bottom < 20) {
            top = Math.min(100, bottom + 20);
            bottom = top - 20;
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int n = points.size();
        double step = n <= 1 ? 0 : plotWidth / (n - 1);
        final double yBottom = bottom;
        final double ySpan = top - bottom;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotHeight * (1 - (Math.max(yBottom, Math.min(yBottom + ySpan, v)) - yBottom) / ySpan);
        java.util.function.IntToDoubleFunction x = i -> n <= 1 ? LEFT + plotWidth / 2 : LEFT + step * i;

        List<String> lines = new ArrayList<>();
        List<String> bands = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            boolean visible = i < n && points.get(i).nps() != null;
            if (visible) {
                run.add(i);
                Point p = points.get(i);
                dots.add(new Dot(fmt(x.applyAsDouble(i)), fmt(y.applyAsDouble(p.nps())), p.label()));
            } else if (!run.isEmpty()) {
                StringBuilder line = new StringBuilder();
                StringBuilder band = new StringBuilder();
                for (int j : run) {
                    Point p = points.get(j);
                    line.append(fmt(x.applyAsDouble(j))).append(',').append(fmt(y.applyAsDouble(p.nps()))).append(' ');
                    band.append(fmt(x.applyAsDouble(j))).append(',').append(fmt(y.applyAsDouble(p.nps() + p.marginOfError()))).append(' ');
                }
                for (int k = run.size() - 1; k >= 0; k--) {
                    Point p = points.get(run.get(k));
                    band.append(fmt(x.applyAsDouble(run.get(k)))).append(',')
                            .append(fmt(y.applyAsDouble(p.nps() - p.marginOfError()))).append(' ');
                }
                if (run.size() > 1) {
                    lines.add(line.toString().strip());
                }
                bands.add(band.toString().strip());
                run.clear();
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        int tickStep = ySpan > 100 ? 50 : ySpan > 40 ? 20 : 10;
        for (int v = (int) Math.ceil(bottom / tickStep) * tickStep; v <= top; v += tickStep) {
            yTicks.add(new Tick(fmt(y.applyAsDouble(v)), v > 0 ? "+" + v : String.valueOf(v)));
        }
        List<Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(n / (double) MAX_X_LABELS));
        for (int i = 0; i < n; i += every) {
            xTicks.add(new Tick(fmt(x.applyAsDouble(i)), points.get(i).label()));
        }
        return new TrendChart(WIDTH, HEIGHT, lines, bands, dots, yTicks, xTicks);
    }

    /** The y of the plot's bottom edge, where the x labels hang. */
    public int axisY() {
        return HEIGHT - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
