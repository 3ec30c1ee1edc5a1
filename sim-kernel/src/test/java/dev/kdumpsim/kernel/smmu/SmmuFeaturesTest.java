package dev.kdumpsim.kernel.smmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.smmuv3.SmmuParameters;
import org.junit.jupiter.api.Test;

class SmmuFeaturesTest {

    @Test
    void reportSmmuDecodesToFeatures0x1fefWith44BitAddresses() {
        SmmuParameters p = SmmuParameters.defaults();
        SmmuFeatures f = SmmuFeatures.decode(p.idr0(), p.idr1(), p.idr5(), 7, p.coherentAccess());
        assertEquals(0x1fef, f.features(), String.format("features 0x%08x", f.features()));
        assertEquals(44, f.ias());
        assertEquals(44, f.oas());
        assertEquals(4, f.ipsEncoding());
        assertTrue(f.has(SmmuFeatures.FEAT_2_LVL_STRTAB));
        assertFalse(f.has(SmmuFeatures.FEAT_PRI));
    }

    @Test
    void eventQueueIsCappedAtEvtqMaxSzShift() {
        SmmuParameters p = SmmuParameters.defaults();
        SmmuFeatures f = SmmuFeatures.decode(p.idr0(), p.idr1() | (0x13 << 16), p.idr5(), 7, true);
        assertEquals(7, f.evtqShift());
        assertTrue(f.cmdqShift() <= SmmuFeatures.CMDQ_MAX_SZ_SHIFT);
    }

    @Test
    void coherencyNeedsFirmwareAgreement() {
        SmmuParameters p = SmmuParameters.defaults();
        int withCohacc = p.idr0() | (1 << 4);
        assertTrue(SmmuFeatures.decode(withCohacc, p.idr1(), p.idr5(), 7, true).has(SmmuFeatures.FEAT_COHERENCY));
        assertFalse(SmmuFeatures.decode(withCohacc, p.idr1(), p.idr5(), 7, false).has(SmmuFeatures.FEAT_COHERENCY));
    }

    @Test
    void oasEncodingsFollowIdr5() {
        SmmuParameters p = SmmuParameters.defaults();
        int idr5 = p.idr5() & ~7;
        assertEquals(48, SmmuFeatures.decode(p.idr0(), p.idr1(), idr5 | 5, 7, true).oas());
        assertEquals(32, SmmuFeatures.decode(p.idr0(), p.idr1(), idr5, 7, true).oas());
    }

    @Test
    void aPrintedFeatureMaskGivesIdRegistersThatDecodeBackToIt() {
        for (int f : new int[] {0x1fef, 0x0fef, 0x1ff7, 0x260d, 0x0205}) {
            assertEquals(null, SmmuFeatures.unreachable(f), Integer.toHexString(f));
            SmmuParameters p = SmmuFeatures.advertise(f, SmmuParameters.builder()).build();
            assertEquals(f, SmmuFeatures.decode(p.idr0(), p.idr1(), p.idr5(), 7, true).features(), Integer.toHexString(f));
        }
        assertEquals(SmmuParameters.defaults(), SmmuFeatures.advertise(0x1fef, SmmuParameters.builder()).build(),
                "the report's 0x1fef is the model's default SMMU");
    }

    @Test
    void masksNoIdRegisterGivesAreNamed() {
        assertTrue(SmmuFeatures.unreachable(0x41fef).contains("0x40000"));
        assertTrue(SmmuFeatures.unreachable(0x1fe3).contains("TTENDIAN"));
        assertTrue(SmmuFeatures.unreachable(0x3fef).contains("STALL_MODEL"));
    }
}
