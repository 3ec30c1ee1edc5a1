package dev.kdumpsim.kernel.machine;

import dev.kdumpsim.kernel.iommu.IommuDriverSummary;
import dev.kdumpsim.kernel.iommu.IommuFaultCounts;
import dev.kdumpsim.kernel.log.LogRecords;
import dev.kdumpsim.kernel.verdict.AerDeviceSummary;
import dev.kdumpsim.kernel.verdict.Ledger;
import dev.kdumpsim.kernel.verdict.LedgerFate;
import dev.kdumpsim.kernel.verdict.SmmuEventSummary;
import dev.kdumpsim.kernel.verdict.Verdict;
import dev.kdumpsim.pcie.Bdf;
import dev.kdumpsim.pcie.EndpointFunction;
import dev.kdumpsim.pcie.config.PciRegs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the finished machine's state into a {@link RunResult}; nothing here decides an outcome. */
final class RunSummary {

    private RunSummary() {
    }

    static RunResult of(Machine m) {
        Ledger ledger = m.ledger();
        Map<LedgerFate, Long> fates = new EnumMap<>(LedgerFate.class);
        for (LedgerFate f : LedgerFate.values()) {
            fates.put(f, ledger.count(f));
        }
        long issued = m.rootComplex().issuedCount();
        long inFlight = issued - ledger.total();

        List<String> wedged = new ArrayList<>();
        List<AerDeviceSummary> aer = new ArrayList<>();
        for (EndpointFunction f : m.rootComplex().endpointFunctions()) {
            if (f.isWedged()) {
                wedged.add(Bdf.pciName(f.bdf()));
            }
            List<String> reported = m.aerReporter() == null ? List.of() : m.aerReporter().reportedErrors(f.bdf());
            int status = m.rootComplex().configRead(f.bdf(), PciRegs.ERR_UNCOR_STATUS, 4);
            aer.add(new AerDeviceSummary(Bdf.pciName(f.bdf()), f.abortedCompletions() + f.completionTimeouts(),
                    f.abortedCompletions(), f.completionTimeouts(), reported, status == 0xffffffff ? 0 : status,
                    f.isWedged()));
        }
        aer.sort((a, b) -> a.bdf().compareTo(b.bdf()));

        long printed = 0;
        long suppressed = 0;
        long overflowReports = 0;
        for (KernelInstance k : m.kernels()) {
            IommuDriverSummary s = k.iommuDriver.summary();
            printed += s.faultsPrinted();
            suppressed += s.faultsSuppressed();
            overflowReports += s.overflowReports();
        }
        IommuFaultCounts c = m.iommu().faultCounts();
        SmmuEventSummary events = new SmmuEventSummary(c.raised(), c.recorded(), printed, suppressed, c.lostOverflow(),
                c.discarded(), c.merged(), overflowReports, c.byCode());

        Verdict v = new Verdict(ledger.liveWrites() > 0, ledger.firstCorruption(), ledger.liveWrites(),
                ledger.freeWrites(), m.dumpSaved(), m.dumpFailure(), ledger.taintedPages(), wedged, m.kdumpKernelState(),
                m.kdumpKernelReason());

        List<Long> window = new ArrayList<>();
        KernelInstance kd = m.kdumpKernel();
        if (kd != null && kd.iommuDriver.summary().bypassStartNs() >= 0) {
            window.add(kd.iommuDriver.summary().bypassStartNs());
            window.add(kd.iommuDriver.summary().bypassEndNs());
        }
        return new RunResult(m.firstKernel().ctx.log().records(), kd == null ? LogRecords.empty() : kd.ctx.log().records(), v,
                issued, fates, inFlight, events, aer, m.panicNs(), m.kdumpBootNs(), m.simulation().now(), window,
                m.simulation().executedEvents(), m.pcieErrors());
    }
}
