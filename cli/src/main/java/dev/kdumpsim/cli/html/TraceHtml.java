package dev.kdumpsim.cli.html;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code kdumpsim trace-html TRACE.json}: a trace written by {@code run --trace} as one
 * self-contained page (inline CSS and SVG, no script, nothing fetched), for machines that cannot
 * reach Perfetto's UI: the whole run, and the run from the panic on (the kdump kernel's seconds
 * are invisible next to kernel #1's minutes), every track of the file laid out as swimlanes.
 */
public final class TraceHtml {

    private TraceHtml() {
    }

    /** {@code fallbackTitle}: the page's title when the trace does not name its scenario. */
    public static String render(InputStream trace, String fallbackTitle) throws IOException {
        TraceModel m = TraceModel.read(trace);
        String title = m.scenario != null ? m.scenario : fallbackTitle;
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>kdumpsim trace: ")
                .append(Html.esc(title)).append("</title>\n<style>\n").append(Css.STYLE).append(Css.TRACE)
                .append("</style></head><body class=\"trace\">\n<h1>").append(Html.esc(title)).append(" <small>trace</small></h1>\n")
                .append("<p class=\"desc\">Simulation time in seconds, both kernels on one axis. The same file opens in")
                .append(" Perfetto's UI or chrome://tracing; hover a bar, tick or line for its name.</p>\n");
        if (m.minUs > m.maxUs) {
            b.append("<p>The trace has no timed events.</p>\n");
        } else {
            b.append(TraceSvg.render(m, m.minUs, m.maxUs, "The whole run"));
            if (m.panicUs >= 0) {
                b.append(TraceSvg.render(m, m.panicUs, m.maxUs, "From the panic on"));
            }
        }
        return b.append("</body></html>\n").toString();
    }
}
