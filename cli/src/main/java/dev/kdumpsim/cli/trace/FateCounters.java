package dev.kdumpsim.cli.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.DmaFate;
import dev.kdumpsim.pcie.DmaTransaction;
import dev.kdumpsim.pcie.DmaTransactionObserver;
import java.io.IOException;
import java.util.TreeMap;

/**
 * DMA transactions per device and root-complex fate in fixed time bins, for the trace's counter
 * tracks. A {@link DmaTransactionObserver}: attached only when a trace is asked for, it counts in
 * a few arrays (no allocation per transaction after a device's first bin).
 */
public final class FateCounters implements DmaTransactionObserver {

    /** Bin width: 1 ms of simulation time. */
    static final long BIN_NS = 1_000_000L;

    private final TreeMap<Integer, TreeMap<Long, long[]>> byDevice = new TreeMap<>();
    private static final DmaFate[] FATES = DmaFate.values();

    @Override
    public void onDmaTransaction(DmaTransaction t) {
        TreeMap<Long, long[]> bins = byDevice.computeIfAbsent(t.requesterId(), k -> new TreeMap<>());
        bins.computeIfAbsent(t.timeNs() / BIN_NS, k -> new long[FATES.length])[t.fate().ordinal()]++;
    }

    void write(JsonGenerator g, int pid) throws IOException {
        for (var d : byDevice.entrySet()) {
            String name = "DMA " + Bdf.pciName(d.getKey()) + " per ms";
            long prev = Long.MIN_VALUE;
            for (var bin : d.getValue().entrySet()) {
                if (prev != Long.MIN_VALUE && bin.getKey() > prev + 1) {
                    zero(g, pid, name, (prev + 1) * BIN_NS); // the counter drops to 0 between bursts
                }
                g.writeStartObject();
                g.writeStringField("ph", "C");
                g.writeStringField("name", name);
                g.writeNumberField("pid", pid);
                g.writeNumberField("tid", 0);
                g.writeNumberField("ts", ChromeTrace.micros(bin.getKey() * BIN_NS));
                g.writeObjectFieldStart("args");
                for (DmaFate f : FATES) {
                    g.writeNumberField(f.name().toLowerCase(java.util.Locale.ROOT), bin.getValue()[f.ordinal()]);
                }
                g.writeEndObject();
                g.writeEndObject();
                prev = bin.getKey();
            }
            if (prev != Long.MIN_VALUE) {
                zero(g, pid, name, (prev + 1) * BIN_NS);
            }
        }
    }

    private static void zero(JsonGenerator g, int pid, String name, long ns) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "C");
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", 0);
        g.writeNumberField("ts", ChromeTrace.micros(ns));
        g.writeObjectFieldStart("args");
        for (DmaFate f : FATES) {
            g.writeNumberField(f.name().toLowerCase(java.util.Locale.ROOT), 0);
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
