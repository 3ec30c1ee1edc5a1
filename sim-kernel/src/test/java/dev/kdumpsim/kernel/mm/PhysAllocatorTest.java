package dev.kdumpsim.kernel.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kdumpsim.core.AddressRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysAllocatorTest {

    @Test
    void allocatesTopDownWithAlignment() {
        PhysAllocator a = new PhysAllocator(List.of(new AddressRange(0x1000_0000L, 0x10_0000L)));
        assertEquals(0x100F_F000L, a.allocate(0x1000, 0x1000));
        assertEquals(0x100F_E000L, a.allocate(0x1000, 0x1000));
        assertEquals(0x100F_0000L, a.allocate(0x100, 0x10000), "aligned down to 64 KiB");
        assertEquals(0x100F_0000L, a.watermark());
    }

    @Test
    void movesToTheNextLowerRangeWhenTheHighestIsFull() {
        PhysAllocator a = new PhysAllocator(List.of(new AddressRange(0x1000, 0x2000), new AddressRange(0x10000, 0x1000)));
        assertEquals(0x10000, a.allocate(0x1000, 0x1000));
        assertEquals(0x2000, a.allocate(0x1000, 0x1000), "second range, from its top");
        assertEquals(0x1000, a.allocate(0x1000, 0x1000));
        assertThrows(IllegalStateException.class, () -> a.allocate(0x1000, 0x1000));
    }

    @Test
    void rejectsBadSizeOrAlignment() {
        PhysAllocator a = new PhysAllocator(List.of(new AddressRange(0, 0x10000)));
        assertThrows(IllegalArgumentException.class, () -> a.allocate(0, 8));
        assertThrows(IllegalArgumentException.class, () -> a.allocate(8, 3));
    }

    @Test
    void subtractCutsHolesOutOfRanges() {
        List<AddressRange> free = PhysAllocator.subtract(List.of(new AddressRange(0, 0x1_0000_0000L)),
                List.of(AddressRange.ofBounds(0x7fe0_0000L, 0xffe0_0000L), new AddressRange(0, 0x400_0000L)));
        assertEquals(List.of(AddressRange.ofBounds(0x400_0000L, 0x7fe0_0000L), AddressRange.ofBounds(0xffe0_0000L,
                0x1_0000_0000L)), free);
        assertEquals(List.of(new AddressRange(0, 0x1000)),
                PhysAllocator.subtract(List.of(new AddressRange(0, 0x1000)), List.of(new AddressRange(0x5000, 0x1000))),
                "a hole outside leaves the range alone");
    }
}
