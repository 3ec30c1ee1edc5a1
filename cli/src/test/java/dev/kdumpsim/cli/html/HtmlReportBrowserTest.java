package dev.kdumpsim.cli.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.cli.KdumpSim;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The HTML report in a real browser: headless Chromium (Debian's package, which .ci/run
 * installs) loads the page with no console error, and its screenshot is a rendered page, not a
 * blank one; likewise the sweep's report.html and the trace page of trace-html. The screenshots
 * are kept in target/html (docs/img holds copies: report-2018.png, sweep-report-2018.png,
 * trace-report-2018.png).
 * Without Chromium the test is skipped and says so.
 */
class HtmlReportBrowserTest {

    static final Path OUT = Path.of("target/html");

    static Path chromium() {
        for (String c : new String[] {System.getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (c != null && Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    static Path report() throws Exception {
        Files.createDirectories(OUT);
        Path html = OUT.resolve("report-2018.html");
        int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run",
                "../scenarios/library/report-2018.yaml", "--log", "none", "--html", html.toString());
        assertEquals(0, rc);
        return html;
    }

    static String chrome(Path chromium, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + Files.createTempDirectory("kdumpsim-chromium")));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The Chromium to use, or a skip that says why (printed, so CI logs show it). */
    static Path chromiumOrSkip(String what) {
        Path chromium = chromium();
        if (chromium == null) {
            System.out.println("SKIPPED HtmlReportBrowserTest (" + what + "): no Chromium at /usr/bin/chromium"
                    + " (apt-get install chromium; .ci/run does)");
        }
        Assumptions.assumeTrue(chromium != null, "Chromium not installed: browser test skipped");
        return chromium;
    }

    /**
     * {@code html} is self-contained and script-free, Chromium parses it ({@code expected} is in
     * its DOM) with no console message, and its screenshot {@code pngName} at {@code width} x
     * {@code height} shows more than {@code minColours} colours (a blank page has one or two).
     */
    static BufferedImage assertRendersCleanly(Path chromium, Path html, String expected, String pngName, int width,
            int height, int minColours) throws Exception {
        String page = Files.readString(html);
        assertFalse(page.contains("<script") || page.contains("src=\"http") || page.contains("href=\"http"),
                "the page must be self-contained and script-free");
        String dom = chrome(chromium, List.of("--dump-dom", html.toUri().toString()));
        assertTrue(dom.contains(expected), "Chromium did not parse the page:\n" + tail(dom));
        for (String line : dom.split("\n")) {
            assertFalse(line.contains(":CONSOLE") || line.contains("Uncaught"), "console message: " + line);
        }
        Path png = OUT.resolve(pngName).toAbsolutePath();
        Files.deleteIfExists(png);
        String log = chrome(chromium, List.of("--window-size=" + width + "," + height, "--screenshot=" + png,
                html.toUri().toString()));
        assertTrue(Files.exists(png), "no screenshot:\n" + tail(log));
        BufferedImage img = ImageIO.read(new File(png.toString()));
        assertEquals(width, img.getWidth());
        int colours = colours(img, 5);
        assertTrue(colours > minColours, "the screenshot looks blank: " + colours + " colours");
        return img;
    }

    @Test
    void theReportLoadsInChromiumWithoutConsoleErrorsAndRenders() throws Exception {
        Path chromium = chromiumOrSkip("run report");
        Path html = report().toAbsolutePath();
        assertFalse(Files.readString(html).contains("http://"), "no link leaves the page");
        assertRendersCleanly(chromium, html, "<h2>Verdict</h2>", "report-2018.png", 1200, 2200, 50);
    }

    @Test
    void theSweepReportLoadsInChromiumAndShowsItsHeatmap() throws Exception {
        Path chromium = chromiumOrSkip("sweep");
        Path dir = OUT.resolve("sweep").toAbsolutePath();
        int rc = KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "sweep",
                "../scenarios/library/report-2018-sweep.yaml", "--jobs", "2", "--out", dir.toString());
        assertEquals(0, rc);
        assertRendersCleanly(chromium, dir.resolve("report.html"), "<h1>Sweep: report-2018-sweep</h1>",
                "sweep-report-2018.png", 1200, 1600, 20);
    }

    /** The trace of report-2018 drawn by trace-html: its screenshot is docs/img/trace-report-2018.png. */
    @Test
    void theTracePageLoadsInChromiumAndShowsEveryTrack() throws Exception {
        Path chromium = chromiumOrSkip("trace");
        Files.createDirectories(OUT);
        Path trace = OUT.resolve("trace-report-2018.json").toAbsolutePath();
        Path html = OUT.resolve("trace-report-2018.html").toAbsolutePath();
        StringWriter err = new StringWriter();
        assertEquals(0, KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                "../scenarios/library/report-2018.yaml", "--log", "none", "--trace", trace.toString()), err.toString());
        assertEquals(0, KdumpSim.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "trace-html",
                trace.toString(), "-o", html.toString()), err.toString());
        String page = Files.readString(html);
        for (String track : List.of("kernel #1", "kdump kernel", "bypass window", "DMA 0000:01:00.0 per ms",
                "smmu0 CR0ACK", "SMMUEN", "smmu0 EVTQ", "smmu0 events", "PCIe resets", "From the panic on")) {
            assertTrue(page.contains(track), "the page lacks the track " + track);
        }
        assertRendersCleanly(chromium, html, "<h1>report-2018 <small>trace</small></h1>", "trace-report-2018.png",
                1440, 1200, 20);
    }

    /** Distinct colours on a grid of every {@code step}-th pixel: a blank page has one or two. */
    private static int colours(BufferedImage img, int step) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += step) {
            for (int x = 0; x < img.getWidth(); x += step) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static String tail(String s) {
        return s.length() < 2000 ? s : s.substring(s.length() - 2000);
    }
}
