package dev.kdumpsim.cli.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kdumpsim.core.TraceCounter;
import dev.kdumpsim.core.TraceInstant;
import dev.kdumpsim.core.TraceRecord;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the trace bus's records become events: counters coalesced per instant with every series, tracks as threads. */
class BusTracksTest {

    record Fault(long timeNs, String unit, long address) implements TraceRecord {
    }

    private static String write(List<TraceRecord> records) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartArray();
            new BusTracks(g, 5).write(records);
            g.writeEndArray();
        }
        return w.toString();
    }

    @Test
    void countersSetAtOneInstantAreOneEventCarryingEverySeriesLatestValue() throws Exception {
        String json = write(List.of(new TraceCounter(1000, "smmu0 CR0ACK", "SMMUEN", 1),
                new TraceCounter(1000, "smmu0 CR0ACK", "CMDQEN", 1), new TraceCounter(2000, "smmu0 CR0ACK", "SMMUEN", 0)));
        assertEquals("[{\"ph\":\"C\",\"name\":\"smmu0 CR0ACK\",\"pid\":5,\"tid\":0,\"ts\":1.000,\"args\":{\"SMMUEN\":1,\"CMDQEN\":1}},"
                + "{\"ph\":\"C\",\"name\":\"smmu0 CR0ACK\",\"pid\":5,\"tid\":0,\"ts\":2.000,\"args\":{\"SMMUEN\":0,\"CMDQEN\":1}}]",
                json);
    }

    @Test
    void otherRecordsAreInstantsOnTheirTrackWithTheirComponentsAsArgs() throws Exception {
        String json = write(List.of(new TraceInstant(5, "PCIe resets", "Function Level Reset of 0000:01:00.0"),
                new Fault(7, "dmar0", 0xfff80000L)));
        assertEquals("[{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":5,\"tid\":1,\"args\":{\"name\":\"PCIe resets\"}},"
                + "{\"ph\":\"i\",\"s\":\"t\",\"name\":\"Function Level Reset of 0000:01:00.0\",\"pid\":5,\"tid\":1,\"ts\":0.005},"
                + "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":5,\"tid\":2,\"args\":{\"name\":\"Fault\"}},"
                + "{\"ph\":\"i\",\"s\":\"t\",\"name\":\"Fault\",\"pid\":5,\"tid\":2,\"ts\":0.007,"
                + "\"args\":{\"address\":\"0xfff80000\",\"unit\":\"dmar0\"}}]", json);
    }

    @Test
    void theRecorderKeepsItsLimitAndCountsTheRest() {
        BusRecords b = new BusRecords(2);
        for (int i = 0; i < 5; i++) {
            b.onRecord(new TraceInstant(i, "t", "n"));
        }
        assertEquals(2, b.records().size());
        assertEquals(3, b.leftOut());
    }
}
