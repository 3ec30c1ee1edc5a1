package dev.kdumpsim.vtd;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

class VtdParametersTest {

    @Test
    void descriptorsDeclareEveryComponentInOrderWithItsType() {
        RecordComponent[] rc = VtdParameters.class.getRecordComponents();
        assertEquals(rc.length, VtdParameters.DESCRIPTORS.size());
        for (int i = 0; i < rc.length; i++) {
            dev.kdumpsim.core.param.ModelParameter<?> d = VtdParameters.DESCRIPTORS.get(i);
            assertEquals(rc[i].getName(), d.name());
            Class<?> boxed = rc[i].getType() == int.class ? Integer.class
                    : rc[i].getType() == long.class ? Long.class : Boolean.class;
            assertEquals(boxed, d.type(), d.name());
            assertTrue(d.type().isInstance(d.defaultValue()), d.name());
            assertFalse(d.description().isBlank(), d.name());
        }
    }

    @Test
    void builderStartsFromDeclaredDefaultsAndRoundTrips() throws Exception {
        VtdParameters p = VtdParameters.defaults();
        RecordComponent[] rc = VtdParameters.class.getRecordComponents();
        for (int i = 0; i < rc.length; i++) {
            assertEquals(VtdParameters.DESCRIPTORS.get(i).defaultValue(), rc[i].getAccessor().invoke(p));
        }
        VtdParameters q = p.toBuilder().scalableMode(true).faultRecordCount(3).build();
        assertTrue(q.scalableMode());
        assertEquals(3, q.faultRecordCount());
        assertEquals(q, q.toBuilder().build());
    }

    @Test
    void setByNameRejectsUnknownNamesAndWrongTypes() {
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().set("nope", 1));
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().set("mgawBits", 48L));
        assertEquals(39, VtdParameters.builder().set("mgawBits", 39).build().mgawBits());
    }

    @Test
    void rejectsInconsistentHardware() {
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().agaw39Bits(false).agaw48Bits(false).build());
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().set("domainIdBits", 7).build());
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().set("iotlbRegisterOffsetBytes", 0x400).build());
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().set("queuedInvalidation", false).build());
        assertThrows(IllegalArgumentException.class, () -> VtdParameters.builder().commandLatencyNs(-1).build());
    }

    /** CAP/ECAP decoded with the macros of Linux's drivers/iommu/intel/iommu.h. */
    @Test
    void capAndEcapDecodeAsLinuxReadsThem() {
        VtdParameters p = VtdParameters.defaults();
        long c = p.capReg();
        long e = p.ecapReg();
        assertEquals(48, ((c >> 16) & 0x3f) + 1);              // cap_mgaw
        assertEquals(0b00110, (c >> 8) & 0x1f);                // cap_sagaw: 39- and 48-bit
        assertEquals(65536L, 1L << (4 + 2 * (c & 7)));         // cap_ndoms
        assertEquals(8, ((c >> 40) & 0xff) + 1);               // cap_num_fault_regs
        assertEquals(0x400, ((c >> 24) & 0x3ff) * 16);         // cap_fault_reg_offset
        assertEquals(3, (c >> 34) & 0xf);                      // cap_super_page_val: 2M and 1G
        assertEquals(1, (c >> 39) & 1);                        // cap_pgsel_inv
        assertEquals(18, (c >> 48) & 0x3f);                    // cap_max_amask_val
        assertEquals(0, (c >> 63) & 1);                        // cap_esrtps
        assertEquals(0x500, ((e >> 8) & 0x3ff) * 16);          // ecap_iotlb_offset
        assertEquals(2, e & 2);                                // ecap_qis
        assertEquals(1, (e >> 3) & 1);                         // ecap_ir_support
        assertEquals(1, (e >> 4) & 1);                         // ecap_eim_support
        assertEquals(1, (e >> 6) & 1);                         // ecap_pass_through
        assertEquals(0, (e >> 43) & 1);                        // ecap_smts
        assertEquals(15, (e >> 20) & 0xf);                     // ecap_max_handle_mask
        VtdParameters sm = p.toBuilder().scalableMode(true).enhancedSetRootTablePointer(true).build();
        assertEquals(1, (sm.ecapReg() >> 43) & 1);
        assertEquals(1, (sm.ecapReg() >> 46) & 1);             // ecap_slts
        assertEquals(1, (sm.capReg() >>> 63) & 1);
        assertEquals(0x10, p.verReg());                        // "ver 1:0"
    }
}
