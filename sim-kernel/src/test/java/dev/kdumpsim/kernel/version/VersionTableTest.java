package dev.kdumpsim.kernel.version;

import static dev.kdumpsim.kernel.version.Behaviours.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.kernel.iova.IovaPolicy;
import dev.kdumpsim.pcie.SbrWaitPolicy;
import org.junit.jupiter.api.Test;

/**
 * One test per row of the {@link VersionTable}: the behaviour's value in the last release
 * without the commit and in the first with it (and in its stable backport). Deleting a row makes
 * its test fail; the expectations are written here, not read from the table.
 */
class VersionTableTest {

    static <T> T at(Behaviour<T> b, String release) {
        return VersionTable.at(b, KernelRelease.parse(release));
    }

    @Test
    void b63b3439AbortsAndFailsTheProbeFrom419() {
        assertEquals("arm-smmu-v3@4.16", at(SMMU_KDUMP_RESET, "4.18.20"));
        assertEquals("arm-smmu-v3@4.19", at(SMMU_KDUMP_RESET, "4.19.0"));
    }

    @Test
    void disableBypassIsTheDefaultFrom419() {
        assertFalse(at(SMMU_DISABLE_BYPASS_DEFAULT, "4.18.0"));
        assertTrue(at(SMMU_DISABLE_BYPASS_DEFAULT, "4.19.0"));
    }

    @Test
    void threeF54c447ResetsBehindGbpaAbortFrom52AndIn4_19_51() {
        assertEquals("arm-smmu-v3@4.19", at(SMMU_KDUMP_RESET, "4.19.50"));
        assertEquals("arm-smmu-v3@5.2", at(SMMU_KDUMP_RESET, "4.19.51"));
        assertEquals("arm-smmu-v3@5.2", at(SMMU_KDUMP_RESET, "4.19.300"));
        assertEquals("arm-smmu-v3@4.19", at(SMMU_KDUMP_RESET, "5.1.9"));
        assertEquals("arm-smmu-v3@5.2", at(SMMU_KDUMP_RESET, "5.1.10"));
        assertEquals("arm-smmu-v3@5.2", at(SMMU_KDUMP_RESET, "5.2.0"));
        assertEquals("arm-smmu-v3@5.2", at(SMMU_KDUMP_RESET, "6.18.0"));
    }

    @Test
    void d25f6ead162eSizesQueuesByCmaFrom53() {
        assertEquals(SmmuQueueSizing.FIXED_SHIFT, at(SMMU_QUEUE_SIZING, "5.2.21"));
        assertEquals(SmmuQueueSizing.CMA_SIZED, at(SMMU_QUEUE_SIZING, "5.3.0"));
        assertEquals(SmmuQueueSizing.CMA_SIZED, at(SMMU_QUEUE_SIZING, "5.13.19"));
    }

    @Test
    void theOnePageEventQueueFrom514() {
        assertEquals(SmmuQueueSizing.ONE_PAGE, at(SMMU_QUEUE_SIZING, "5.14.0"));
        assertEquals(SmmuQueueSizing.ONE_PAGE, at(SMMU_QUEUE_SIZING, "5.16.20"));
    }

    @Test
    void theOnePageLimitIsRevertedIn517() {
        assertEquals(SmmuQueueSizing.CMA_SIZED, at(SMMU_QUEUE_SIZING, "5.17.0"));
        assertEquals(SmmuQueueSizing.CMA_SIZED, at(SMMU_QUEUE_SIZING, "6.6.0"));
    }

    @Test
    void nineCff922bba42RatelimitsTheEventDumpFrom514() {
        assertFalse(at(SMMU_EVENT_RATELIMIT, "5.13.0"));
        assertTrue(at(SMMU_EVENT_RATELIMIT, "5.14.0"));
    }

    @Test
    void disableBypassParameterIsGoneIn610() {
        assertTrue(at(SMMU_DISABLE_BYPASS_PARAM, "6.9.12"));
        assertFalse(at(SMMU_DISABLE_BYPASS_PARAM, "6.10.0"));
    }

    @Test
    void d814b70b9b90DecodesEventsAtErrLevelFrom614() {
        assertEquals(SmmuEventDump.RAW_INFO, at(SMMU_EVENT_DUMP, "6.13.7"));
        assertEquals(SmmuEventDump.DECODED_ERR, at(SMMU_EVENT_DUMP, "6.14.0"));
    }

    @Test
    void theIommuGroupLineUsesTheDevicePrefixFrom51() {
        assertEquals(IommuGroupMessage.ADDING_DEVICE_TO_GROUP, at(IOMMU_GROUP_MESSAGE, "5.0.21"));
        assertEquals(IommuGroupMessage.ADDING_TO_IOMMU_GROUP, at(IOMMU_GROUP_MESSAGE, "5.1.0"));
    }

    @Test
    void bee60e94a1e2AddsMax32AllocSizeIn420() {
        assertTrue(at(IOVA_ALLOCATOR, "4.20.0").max32AllocSize());
        assertTrue(at(IOVA_ALLOCATOR, "5.2.0").max32AllocSize());
        assertFalse(at(IOVA_ALLOCATOR, "4.19.300").max32AllocSize(), "not in 4.19.y");
        assertFalse(at(IOVA_ALLOCATOR, "5.2.0").retryFromTop());
    }

    @Test
    void theIovaSearchRetriesFromTheTopFrom511() {
        assertFalse(at(IOVA_ALLOCATOR, "5.10.0").retryFromTop());
        assertEquals(IovaPolicy.V5_11, at(IOVA_ALLOCATOR, "5.11.0"));
    }

    @Test
    void theRcacheDepotScalesFrom66() {
        assertEquals(IovaPolicy.V5_11, at(IOVA_ALLOCATOR, "6.5.0"));
        assertEquals(IovaPolicy.V6_6, at(IOVA_ALLOCATOR, "6.6.0"));
    }

    @Test
    void arm64CrashkernelUsesTheExclusiveLowLimitFrom55AndHighLowFrom519() {
        assertEquals(CrashkernelPlacement.V4_19_INCLUSIVE_LIMIT, at(ARM64_CRASHKERNEL, "5.4.0"));
        assertEquals(CrashkernelPlacement.V5_5_EXCLUSIVE_LIMIT, at(ARM64_CRASHKERNEL, "5.5.0"));
        assertEquals(CrashkernelPlacement.V5_15_PHYS_ALLOC_RANGE, at(ARM64_CRASHKERNEL, "5.18.0"));
        assertEquals(CrashkernelPlacement.V5_19_HIGH_LOW, at(ARM64_CRASHKERNEL, "6.1.20"));
        assertEquals(CrashkernelPlacement.V6_2_FALLBACK, at(ARM64_CRASHKERNEL, "6.4.0"));
        assertEquals(CrashkernelPlacement.V6_5_HIGH_FROM_4G, at(ARM64_CRASHKERNEL, "6.6.9"));
        assertEquals(CrashkernelPlacement.V6_7_GENERIC, at(ARM64_CRASHKERNEL, "6.12.0"));
    }

    @Test
    void secondaryBusResetWaitsForTheLinkFrom63() {
        assertEquals(SbrWaitPolicy.V4_19_SSLEEP_1S, at(SBR_WAIT, "6.2.16"));
        assertEquals(SbrWaitPolicy.V6_LINK_ACTIVE_WAIT, at(SBR_WAIT, "6.3.0"));
    }

    @Test
    void releasesParseAsUnameRPrintsThem() {
        assertEquals(KernelRelease.of(4, 16, 0), KernelRelease.parse("4.16.0"));
        assertEquals(KernelRelease.of(5, 7, 0), KernelRelease.parse("5.7.0-rc3+").line());
        assertEquals("-200.fc41.aarch64", KernelRelease.parse("6.12.8-200.fc41.aarch64").suffix());
        assertEquals(0, KernelRelease.of(6, 12, 8).compareTo(KernelRelease.parse("6.12.8-200.fc41.aarch64")));
        assertThrows(IllegalArgumentException.class, () -> KernelRelease.parse("linux-4.19"));
        assertTrue(VersionTable.covers(KernelRelease.parse("4.14.0")));
        assertFalse(VersionTable.covers(KernelRelease.parse("3.10.0-1160.el7")));
        assertFalse(VersionTable.covers(KernelRelease.parse("7.1.0")));
    }
    @Test
    void nineCa5c8e632ceReservesBelow4GWithHighFallbackFrom52() {
        assertEquals(X86CrashkernelPlacement.V4_0_BELOW_896M, at(X86_CRASHKERNEL, "5.1.21"));
        assertEquals(X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK, at(X86_CRASHKERNEL, "5.2.0"));
    }

    @Test
    void nineC08a2a139feUsesTheGenericReservationFrom66() {
        assertEquals(X86CrashkernelPlacement.V5_2_BELOW_4G_FALLBACK, at(X86_CRASHKERNEL, "6.5.13"));
        assertEquals(X86CrashkernelPlacement.V6_6_GENERIC, at(X86_CRASHKERNEL, "6.6.0"));
    }

    @Test
    void zero91d42e43d21CopiesTheTranslationTablesFrom42() {
        assertEquals("intel-iommu@4.0", at(INTEL_IOMMU_KDUMP, "4.1.52"));
        assertEquals("intel-iommu@4.2", at(INTEL_IOMMU_KDUMP, "4.2.0"));
        assertEquals("intel-iommu@4.2", at(INTEL_IOMMU_KDUMP, "5.19.9"));
    }

    @Test
    void zeroC5f6c0d8201CopiesScalableModeTablesFrom60AndItsStableBackports() {
        assertEquals("intel-iommu@4.2", at(INTEL_IOMMU_KDUMP, "5.15.68"));
        assertEquals("intel-iommu@6.0", at(INTEL_IOMMU_KDUMP, "5.15.69"));
        assertEquals("intel-iommu@4.2", at(INTEL_IOMMU_KDUMP, "5.19.9"));
        assertEquals("intel-iommu@6.0", at(INTEL_IOMMU_KDUMP, "5.19.10"));
        assertEquals("intel-iommu@4.2", at(INTEL_IOMMU_KDUMP, "5.10.200"), "no 5.10.y backport is known");
        assertEquals("intel-iommu@6.0", at(INTEL_IOMMU_KDUMP, "6.0.0"));
        assertEquals("intel-iommu@6.0", at(INTEL_IOMMU_KDUMP, "6.18.0"));
    }

    @Test
    void scalableModeIsProgrammableFrom50() {
        assertFalse(at(INTEL_IOMMU_SCALABLE_MODE, "4.20.17"));
        assertTrue(at(INTEL_IOMMU_SCALABLE_MODE, "5.0.0"));
    }

    @Test
    void c43fce4eebaeRatelimitsTheFaultHandlerFrom47() {
        assertFalse(at(DMAR_FAULT_RATELIMIT, "4.6.7"));
        assertTrue(at(DMAR_FAULT_RATELIMIT, "4.7.0"));
    }

    @Test
    void a0fe14d7dcf5PrintsAFaultOnOneLineFrom47() {
        assertEquals(DmarFaultFormat.V4_0_TWO_LINES, at(DMAR_FAULT_FORMAT, "4.6.7"));
        assertEquals(DmarFaultFormat.V4_7_ONE_LINE, at(DMAR_FAULT_FORMAT, "4.7.0"));
    }

    @Test
    void theScalableModeFaultInformationAddsThePasidFrom55() {
        assertEquals(DmarFaultFormat.V4_7_ONE_LINE, at(DMAR_FAULT_FORMAT, "5.4.280"));
        assertEquals(DmarFaultFormat.V5_5_PASID, at(DMAR_FAULT_FORMAT, "5.5.0"));
    }

    @Test
    void seven19a19335692SaysNoPasidInHexFrom514() {
        assertEquals(DmarFaultFormat.V5_5_PASID, at(DMAR_FAULT_FORMAT, "5.13.19"));
        assertEquals(DmarFaultFormat.V5_14_NO_PASID_HEX_BDF, at(DMAR_FAULT_FORMAT, "5.14.0"));
    }

    @Test
    void theBdfLosesItsHexPrefixAgainFrom515() {
        assertEquals(DmarFaultFormat.V5_14_NO_PASID_HEX_BDF, at(DMAR_FAULT_FORMAT, "5.14.21"));
        assertEquals(DmarFaultFormat.V5_15_NO_PASID, at(DMAR_FAULT_FORMAT, "5.15.0"));
    }

    @Test
    void theTableReachesBackTo40ForTheIntelIommuRows() {
        assertTrue(VersionTable.covers(KernelRelease.parse("4.0.0")));
    }

    @Test
    void aerLinesFollowTheirReleaseFamily() {
        assertEquals(AerPrintFormat.V4_14, at(AER_PRINT, "4.18.20"));
        assertEquals(AerPrintFormat.V4_19, at(AER_PRINT, "4.19.0"));
        assertEquals(AerPrintFormat.V4_19, at(AER_PRINT, "5.1.21"));
        assertEquals(AerPrintFormat.V5_2, at(AER_PRINT, "5.2.0"));
        assertEquals(AerPrintFormat.V5_2, at(AER_PRINT, "6.7.12"));
        assertEquals(AerPrintFormat.V6_8, at(AER_PRINT, "6.8.0"));
    }
}
