package dev.kdumpsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.sweep.SweepProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves by hand. */
    static final class FakeClock {
        long ns;
    }

    @Test
    void terminalWithoutCiGetsABarOtherwisePlainLines() {
        PrintWriter w = new PrintWriter(new StringWriter());
        assertTrue(Progress.choose(true, null, w, () -> 0) instanceof ProgressBar);
        assertTrue(Progress.choose(true, "", w, () -> 0) instanceof ProgressBar);
        assertTrue(Progress.choose(true, "true", w, () -> 0) instanceof PlainProgress);
        assertTrue(Progress.choose(false, null, w, () -> 0) instanceof PlainProgress);
    }

    @Test
    void barRedrawsInPlaceWithRateAndEta() {
        StringWriter s = new StringWriter();
        FakeClock c = new FakeClock();
        SweepProgress bar = new ProgressBar(new PrintWriter(s), () -> c.ns);
        bar.started(100, 0);
        c.ns = 2_000_000_000L;
        bar.advanced(50, 100); // 25 variants/s, 50 to go: 2 s
        c.ns = 2_050_000_000L;
        bar.advanced(51, 100); // within 100 ms of the last redraw: skipped
        c.ns = 4_000_000_000L;
        bar.finished(100, 100);
        String[] frames = s.toString().split("\r", -1);
        assertEquals("", frames[0]);
        assertEquals("[>                             ] 0/100", frames[1]);
        assertEquals("[===============>              ] 50/100  25.0 variants/s  ETA 0:02", frames[2]);
        assertEquals("[==============================] 100/100  25.0 variants/s  ETA 0:00\n", frames[3]);
        assertEquals(4, frames.length);
    }

    @Test
    void plainLinesEveryTenthOrTenSecondsWithoutEscapes() {
        StringWriter s = new StringWriter();
        FakeClock c = new FakeClock();
        SweepProgress p = new PlainProgress(new PrintWriter(s), () -> c.ns);
        p.started(1000, 200);
        for (int done = 201; done <= 1000; done++) {
            c.ns += 100_000_000L; // 10 variants/s
            p.advanced(done, 1000);
        }
        p.finished(1000, 1000);
        String out = s.toString();
        assertTrue(out.startsWith("sweep: 1000 variants, 200 already done (resumed)\nsweep: 300/1000 (30%), 10.0 variants/s, ETA 1:10\n"), out);
        assertTrue(out.contains("sweep: 900/1000 (90%), 10.0 variants/s, ETA 0:10\n"), out);
        assertTrue(out.endsWith("sweep: 1000/1000 done in 1:20 (10.0 variants/s)\n"), out);
        assertEquals(-1, out.indexOf('\r'));
        assertEquals(-1, out.indexOf('\u001b'));
        assertEquals(10, out.lines().count(), out);
        // a slow sweep still shows a line every 10 s between tenths
        StringWriter slow = new StringWriter();
        FakeClock c2 = new FakeClock();
        SweepProgress q = new PlainProgress(new PrintWriter(slow), () -> c2.ns);
        q.started(1000, 0);
        c2.ns = 5_000_000_000L;
        q.advanced(1, 1000);
        c2.ns = 11_000_000_000L;
        q.advanced(2, 1000);
        assertEquals("sweep: 1000 variants\nsweep: 2/1000 (0%), 0.2 variants/s, ETA 1:31:29\n", slow.toString());
        assertEquals("1:02:03", PlainProgress.duration(3723));
    }
}
