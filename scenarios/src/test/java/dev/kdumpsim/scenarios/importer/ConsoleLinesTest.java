package dev.kdumpsim.scenarios.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {

    @Test
    void mailQuotingNestedOrNotIsRemoved() {
        List<LogLine> l = ConsoleLines.split("m", "> [    7.018304] a: b\n> > [    7.1] c: d\n>>[ 8.000000] e: f\n", 0);
        assertEquals(List.of("a: b", "c: d", "e: f"), l.stream().map(LogLine::message).toList());
        assertEquals(Optional.of("7.018304"), l.get(0).timestamp());
        assertEquals(2, l.get(1).line());
    }

    @Test
    void linesWithoutTimestampsAndSyslogPrefixesAreRead() {
        List<LogLine> l = ConsoleLines.split("m", "<6>pci 0000:01:00.0: x\nMar  1 10:00:00 host kernel: igb 0000:01:00.0: y\n", 0);
        assertEquals(List.of("pci 0000:01:00.0: x", "igb 0000:01:00.0: y"), l.stream().map(LogLine::message).toList());
        assertEquals(Optional.empty(), l.get(0).timestamp());
    }

    @Test
    void aLineAMailClientWrappedIsJoined() {
        String text = "[    0.000000] Kernel command line: BOOT_IMAGE=/vmlinuz-5.7.0 root=/dev/sda2 console=ttyAMA0,115200\n"
                + "crashkernel=512M\n[    0.100000] next: line\n";
        List<LogLine> l = ConsoleLines.split("m", text, 0);
        assertEquals(2, l.size());
        assertEquals("Kernel command line: BOOT_IMAGE=/vmlinuz-5.7.0 root=/dev/sda2 console=ttyAMA0,115200 crashkernel=512M", l.get(0).message());
    }

    @Test
    void withoutTimestampsOnlyALineThatDoesNotStartLikeALogLineIsJoined() {
        String text = "pci 0000:01:00.0: aer_layer=Transaction Layer, aer_agent=Receiver ID, and a long tail\n"
                + "that wrapped\npci 0000:01:00.0: aer_uncor_severity: 0x00062011 and more words to be long enough\nigb 0000:01:00.0: next\n";
        List<LogLine> l = ConsoleLines.split("m", text, 0);
        assertEquals(3, l.size(), l.toString());
        assertEquals("pci 0000:01:00.0: aer_layer=Transaction Layer, aer_agent=Receiver ID, and a long tail that wrapped", l.get(0).message());
    }

    @Test
    void aShortLineIsNeverJoined() {
        List<LogLine> l = ConsoleLines.split("m", "[ 1.000000] short\nfree text\n", 0);
        assertEquals(2, l.size());
    }

    @Test
    void aSecondBannerOrAClockBackToZeroStartsTheKdumpKernel() {
        String two = "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x431f0af1]\n[    0.000000] Linux version 5.7.0 (a)\n"
                + "[  812.000000] Kernel panic - not syncing: x\n[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x431f0af1]\n"
                + "[    0.000000] Linux version 5.7.0 (a)\n";
        assertEquals(List.of(0, 0, 0, 1, 1), ConsoleLines.split("m", two, 0).stream().map(LogLine::kernel).toList());
        String clock = "[   50.000000] a: b\n[    0.000000] c: d\n";
        assertEquals(List.of(0, 1), ConsoleLines.split("m", clock, 0).stream().map(LogLine::kernel).toList());
    }

    @Test
    void whereNamesTheFileWithoutItsDirectory() {
        assertEquals("r.log:1", ConsoleLines.split("some/dir/r.log", "x: y\n", 0).get(0).where());
    }
}
