package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailHeadersTest {

    static final String MAIL = """
            From kaya@example.invalid Thu Mar  1 12:00:00 2018
            From: A Reporter <reporter@example.invalid>
            Subject: Re: RFC on Kdump and PCIe on ARM64
            Message-ID: <test-message-1@example.invalid>
            References: <earlier@example.invalid>
             <earlier-2@example.invalid>
            Date: Thu, 1 Mar 2018 12:00:00 -0500

            On 3/1/2018 you wrote:
            """;

    @Test
    void headerBlocksAreBlankedLineForLineAndTheirMessageIdsKept() {
        MailHeaders.Stripped s = MailHeaders.strip(MAIL + "> [    7.0] pci 0000:01:00.0: x: y\n");
        assertEquals(List.of("<test-message-1@example.invalid>"), s.messageIds());
        String[] lines = s.text().split("\n", -1);
        assertEquals("", lines[2], "Subject: is gone");
        assertEquals("", lines[5], "a folded header line is gone");
        assertEquals("On 3/1/2018 you wrote:", lines[8]);
        assertEquals(MAIL.split("\n", -1).length, lines.length - 1, "line numbers stay the file's");
    }

    @Test
    void aSecondMessageOfAnMboxHasItsHeadersSkippedToo() {
        MailHeaders.Stripped s = MailHeaders.strip(MAIL + "body\n\nFrom x Thu Mar  1 13:00:00 2018\nMessage-ID: <two@example.invalid>\nX-Log: [ 1.0] y: z\n\nbody\n");
        assertEquals(2, s.messageIds().size());
        assertTrue(!s.text().contains("X-Log"));
    }

    @Test
    void theReportImportedFromAMailCitesItsMessageId() throws Exception {
        String log = Files.readString(Path.of("src/test/resources/reports/report-2018.log"));
        LogImport.Result r = LogImport.fromText(Map.of("thread.eml", MAIL + log), Map.of(), "o.yaml", true);
        assertTrue(r.yaml().contains("Message-ID <test-message-1@example.invalid>"), r.yaml());
        assertEquals(0x00062011L, r.scenario().platform().pcie().topology().endpoints().get(0).aer().orElseThrow().uncorSeverity().orElseThrow().value());
        assertTrue(r.lines().stream().noneMatch(l -> l.message().startsWith("Subject:")));
        assertEquals(11, r.scenario().expect().log().size());
    }
}
