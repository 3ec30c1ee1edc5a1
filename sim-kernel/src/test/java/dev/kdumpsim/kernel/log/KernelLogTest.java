package dev.kdumpsim.kernel.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.core.EventHandler;
import dev.kdumpsim.core.Simulation;
import dev.kdumpsim.core.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelLogTest {

    static final String SMMU = "arm-smmu-v3 arm-smmu-v3.0.auto: ";

    @Test
    void kdumpKernelClockRestartsAtZero() {
        Simulation sim = new Simulation(1);
        KernelLog first = new KernelLog(sim, "kernel1", 0);
        long crash = 3_600_000_000_000L;
        KernelLog kdump = new KernelLog(sim, "kdump", crash);
        sim.scheduleAt(crash + 7_018_304_000L, (EventHandler) arg -> {
            kdump.devPrintk(LogLevel.INFO, SMMU, "ias %lu-bit, oas %lu-bit (features 0x%08x)\n", 44L, 44L, 0x1fef);
            first.printk(LogLevel.INFO, "still counting\n");
        }, 0);
        sim.run();
        assertEquals("[    7.018304] arm-smmu-v3 arm-smmu-v3.0.auto: ias 44-bit, oas 44-bit (features 0x00001fef)\n",
                kdump.render());
        assertEquals("[ 3607.018304] still counting\n", first.render());
    }

    @Test
    void timestampsAreTruncatedToMicroseconds() {
        assertEquals("[   16.093441] ", LogRecord.timestamp(16_093_441_999L));
        assertEquals("[    0.000000] ", LogRecord.timestamp(0));
        assertEquals("[123456.000001] ", LogRecord.timestamp(123_456_000_001_000L));
    }

    @Test
    void recordsKeepFormatAndArgsAndAreTraced() {
        Simulation sim = new Simulation(1);
        List<TraceRecord> seen = new ArrayList<>();
        sim.trace().addListener(seen::add);
        KernelLog log = new KernelLog(sim, "kdump", 0);
        LogRecord r = log.devPrintk(LogLevel.ERR, "pci 0000:01:00.0: ", "aer_status: 0x%08x, aer_mask: 0x%08x\n", 0x40000, 0);
        assertEquals("aer_status: 0x%08x, aer_mask: 0x%08x\n", r.format());
        assertEquals(List.of(0x40000, 0), r.args());
        assertEquals("pci 0000:01:00.0: aer_status: 0x00040000, aer_mask: 0x00000000", r.text());
        assertEquals(List.of(r), seen);
        assertEquals(1, log.count("aer_status"));
    }

    @Test
    void printingBeforeBootIsAnError() {
        KernelLog kdump = new KernelLog(new Simulation(1), "kdump", 1000);
        assertThrows(IllegalStateException.class, () -> kdump.printk(LogLevel.INFO, "early\n"));
    }
}
