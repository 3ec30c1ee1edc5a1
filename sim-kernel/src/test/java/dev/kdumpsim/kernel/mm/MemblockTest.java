package dev.kdumpsim.kernel.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.core.AddressRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemblockTest {

    @Test
    void freeRangesSubtractOverlappingReservations() {
        Memblock mb = new Memblock(DramLayout.of(0, 0x1000));
        mb.reserve("a", AddressRange.ofBounds(0x000, 0x800));
        mb.reserve("b", AddressRange.ofBounds(0x100, 0x200));
        mb.reserve("c", AddressRange.ofBounds(0xC00, 0xD00));
        assertEquals(List.of(AddressRange.ofBounds(0xD00, 0x1000), AddressRange.ofBounds(0x800, 0xC00)),
                mb.freeRangesReverse());
    }

    @Test
    void findInRangeIsTopDownAndAligned() {
        Memblock mb = new Memblock(new DramLayout(List.of(new AddressRange(0x100000, 0x100000), new AddressRange(0x400000, 0x100000))));
        assertEquals(0x4F0000, mb.findInRange(0, 0x1000000, 0x10000, 0x10000));
        assertEquals(0x1F0000, mb.findInRange(0, 0x300000, 0x10000, 0x10000));
        assertEquals(0, mb.findInRange(0, 0x1000000, 0x200000, 0x1000));
    }

    @Test
    void overlappingBanksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DramLayout(List.of(new AddressRange(0, 0x2000), new AddressRange(0x1000, 0x2000))));
    }
}
