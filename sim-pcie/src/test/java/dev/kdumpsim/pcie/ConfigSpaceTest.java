package dev.kdumpsim.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kdumpsim.pcie.config.ConfigSpace;
import org.junit.jupiter.api.Test;

class ConfigSpaceTest {

    @Test
    void honoursReadOnlyWritableAndWriteOneToClearBits() {
        ConfigSpace cs = new ConfigSpace();
        cs.define(0x04, 2, 0x0010, 0x00ff, 0xff00, 0);
        cs.write(0x04, 2, 0xffff);
        assertEquals(0x00ff, cs.read(0x04, 2));
        cs.hwSet(0x04, 2, 0x3000);
        cs.write(0x04, 2, 0x1000 | 0x00ff);
        assertEquals(0x20ff, cs.read(0x04, 2));
        assertEquals(0xff, cs.read(0x04, 1));
    }

    @Test
    void resetRestoresNonStickyBitsAndKeepsStickyOnes() {
        ConfigSpace cs = new ConfigSpace();
        cs.define(0x104, 4, 0, 0, 0xffffffff, 0xffffffff);
        cs.define(0x04, 2, 0, 0xffff, 0, 0);
        cs.hwSet(0x104, 4, 0x40000);
        cs.write(0x04, 2, 0x6);
        cs.resetNonSticky();
        assertEquals(0x40000, cs.read(0x104, 4));
        assertEquals(0, cs.read(0x04, 2));
    }
}
