package dev.kdumpsim.vtd;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FaultReasonTest {

    @Test
    void everyModelledCodeHasItsLinuxNameAndCodesAscend() {
        int[] codes = FaultReason.modelled();
        for (int i = 0; i < codes.length; i++) {
            assertNotEquals("Unknown", FaultReason.linuxName(codes[i]), Integer.toHexString(codes[i]));
            if (i > 0) {
                assertTrue(codes[i] > codes[i - 1]);
            }
        }
        assertEquals("Unknown", FaultReason.linuxName(0x33), "dmar.c pads 0x33-0x37 with \"Unknown\"");
        assertEquals("Detected reserved fields in the decoded interrupt-remapped request",
                FaultReason.linuxName(FaultReason.IR_REQUEST_RESERVED));
        codes[0] = 0;
        assertEquals(FaultReason.ROOT_ENTRY_NOT_PRESENT, FaultReason.modelled()[0], "a copy");
    }

    @Test
    void rootLevelConditionsAreNeverQualified() {
        assertFalse(FaultReason.isQualified(FaultReason.ROOT_ENTRY_NOT_PRESENT));
        assertFalse(FaultReason.isQualified(FaultReason.SM_ROOT_ENTRY_RESERVED));
        assertFalse(FaultReason.isQualified(FaultReason.IR_INDEX_BEYOND_TABLE));
        assertTrue(FaultReason.isQualified(FaultReason.CONTEXT_ENTRY_NOT_PRESENT));
        assertTrue(FaultReason.isQualified(FaultReason.IRTE_NOT_PRESENT));
        assertTrue(FaultReason.isInterruptRemapping(FaultReason.IR_SOURCE_ID_INVALID));
        assertFalse(FaultReason.isInterruptRemapping(FaultReason.SM_INVALID_ROOT_TABLE_ADDRESS));
    }
}
