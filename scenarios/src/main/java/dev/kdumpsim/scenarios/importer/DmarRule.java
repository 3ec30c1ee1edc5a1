package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Intel VT-d: {@code DMAR: [DMA Read] Request device [01:00.0] fault addr fff00000 [fault reason
 * 06] PTE Read access is not set} (dmar_fault_do_one, Linux v4.16 drivers/iommu/dmar.c; 5.x adds
 * {@code PASID %x}, later kernels print the address with 0x), {@code DMAR: DRHD: handling fault
 * status reg %x} (dmar_fault) and the unit lines {@code DMAR: dmar0: reg_base_addr ...}
 * (alloc_iommu) and {@code DMAR: IOMMU enabled} (dmar_parse_one_drhd callers). The faulting
 * device becomes a PCI function of the machine.
 */
public final class DmarRule implements Rule {

    private static final Pattern FAULT = Pattern.compile("\\[(DMA Read|DMA Write|INTR-REMAP)[^\\]]*\\] Request device \\[" + Pci.BDF + "\\]");
    private static final int FAULTS_IN_EXPECT = 3;

    @Override
    public void apply(LogLine line, Facts facts) {
        String msg = line.message();
        if (!msg.startsWith("DMAR")) {
            return;
        }
        if (!facts.vtd) {
            facts.vtd = true;
            facts.vtdWhere = line.where();
        }
        Matcher f = msg.contains("Request device") ? FAULT.matcher(msg) : null;
        if (f != null && f.find()) {
            facts.dmarFaultCount++;
            var bdf = Pci.bdf(f, 2);
            if (bdf != null) {
                facts.device(bdf, line.where());
            }
            if (facts.dmarFaultCount <= FAULTS_IN_EXPECT) {
                facts.distinctive(line, "IOMMU fault");
            }
        } else if (msg.contains("DRHD: handling fault status")) {
            facts.distinctive(line, "IOMMU fault");
        } else if (msg.contains("reg_base_addr") || msg.contains("IOMMU enabled")) {
            facts.distinctive(line, "IOMMU identity");
        }
    }
}
