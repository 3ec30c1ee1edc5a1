package dev.kdumpsim.kernel.vtd;

import static dev.kdumpsim.vtd.VtdRegisters.*;

import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.kernel.KernelContext;
import dev.kdumpsim.kernel.iommu.DmaDomain;
import dev.kdumpsim.kernel.iommu.IommuDriver;
import dev.kdumpsim.kernel.iommu.IommuDriverSummary;
import dev.kdumpsim.kernel.iova.IovaAllocator;
import dev.kdumpsim.kernel.log.LogLevel;
import dev.kdumpsim.kernel.version.Behaviours;
import dev.kdumpsim.vtd.DmarUnit;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * The intel-iommu driver of one kernel (drivers/iommu/intel-iommu.c, drivers/iommu/intel/iommu.c
 * from 5.8) on one DMAR unit, in legacy or scalable mode ({@link ScalableModeChoice}), programming it
 * only through MMIO and memory.
 *
 * <p>Probe = {@code enable_drhd_fault_handling} when interrupt remapping is on ({@link #irqRemapping}:
 * x86 runs it at local APIC setup, before {@code intel_iommu_init}), then {@code intel_iommu_init} +
 * {@code init_dmars}: {@code intel_iommu=off} turns a
 * translating unit off and leaves devices on dma-direct; otherwise the kdump behaviour is the
 * policy's ({@link IntelIommuPolicy}): disable TE first (4.0) or copy the old tables and keep TE
 * on (4.2 and 6.0, {@link TranslationTableCopy}, falling back to the disable path on failure); then
 * {@code intel_iommu_init_qi} (clear old faults, re-create the invalidation queue), a root table,
 * SRTP, global context and IOTLB invalidation, the fault interrupt ({@link DmarFaultHandler}), TE.
 * The IOMMU core then adds devices; {@code attach} is {@code domain_context_mapping_one}
 * ({@link ContextMapping}): a present context entry not copied is kept, a copied one is cleared and
 * its old domain invalidated before the new entry is written. {@code iommu=pt} gives devices
 * pass-through context (or PASID) entries and dma-direct.
 *
 * <p>Not modelled: several DRHDs, RMRRs and their identity maps, interrupt remapping setup
 * ({@code intel_setup_irq_remapping}: the unit's remapper stays as the previous owner left it),
 * requests with PASID and first-level tables, register-based invalidation, PMRs, caching mode,
 * superpage mappings, unmaps.
 */
final class IntelIommuDriver implements IommuDriver {

    /** The DRHD's register base as the ACPI DMAR table reports it (a typical client DRHD). */
    public static final long REG_BASE = 0xfed9_0000L;
    /** {@code IOAPIC_RANGE_START..END}: reserved in every DMA domain's IOVA space (dmar_init_reserved_ranges). */
    static final AddressRange IOAPIC_RANGE = new AddressRange(0xfee0_0000L, 0x10_0000L);
    static final String P = DmarFaultHandler.PREFIX;
    /** {@code FLPT_DEFAULT_DID}: the domain-id of pass-through PASID entries in scalable mode. */
    static final int FLPT_DEFAULT_DID = 1;

    private final KernelContext k;
    private final DmarUnit unit;
    private final IntelIommuPolicy policy;
    private final String name;
    private final BitSet domainIds = new BitSet();
    private final boolean passThrough;
    private final boolean[] deferred = new boolean[1 << 16];
    private DmarRegisterOps regs;
    private TranslationTableCopy copy;
    private ContextMapping contexts;
    private boolean scalable;
    private DmarFaultHandler faults;
    /** {@code iommu->irq} is set: the fault interrupt has a handler in this kernel. */
    private boolean irqSet;
    private long root;
    private int agawBits;
    private int ndoms;
    private int identityDid = -1;
    private boolean probed;
    private boolean probeFailed;
    private boolean foundEnabled;
    private boolean preEnabled;
    private long bypassStartNs = -1;
    private long bypassEndNs = -1;

    public IntelIommuDriver(KernelContext k, DmarUnit unit, IntelIommuPolicy policy) {
        this.k = k;
        this.unit = unit;
        this.policy = policy;
        this.name = unit.name();
        this.passThrough = k.cmdline().iommuPassThrough() && (unit.readq(ECAP_REG) & (1L << 6)) != 0;
    }

    @Override
    public String name() {
        return "DMAR";
    }

    @Override
    public IntelIommuPolicy policy() {
        return policy;
    }

    @Override
    public boolean probed() {
        return probed;
    }

    @Override
    public boolean probeFailed() {
        return probeFailed;
    }

    @Override
    public boolean passThrough() {
        return passThrough;
    }

    /** GSTS.TES was set when this kernel's driver first read it. */
    public boolean foundEnabled() {
        return foundEnabled;
    }

    /** Whether this kernel runs on the crashed kernel's copied context tables. */
    public boolean copiedTables() {
        return copy != null && preEnabled;
    }

    @Override
    public void probe(Consumer<Boolean> done) {
        regs = new DmarRegisterOps(k, unit); // alloc_iommu
        long cap = unit.readq(CAP_REG);
        long ecap = unit.readq(ECAP_REG);
        int ver = unit.readl(VER_REG);
        k.console().print(LogLevel.INFO, P, "%s: reg_base_addr %llx ver %d:%d cap %llx ecap %llx\n", name, REG_BASE,
                (long) (ver >>> 4) & 0xf, (long) ver & 0xf, cap, ecap);
        foundEnabled = (unit.readl(GSTS_REG) & GSTS_TES) != 0;
        preEnabled = foundEnabled;
        ndoms = 1 << (4 + 2 * (int) (cap & 7)); // cap_ndoms
        agawBits = (cap & (1L << 10)) != 0 ? 48 : 39; // SAGAW: 4-level if supported
        scalable = ScalableModeChoice.smSupported(k, ecap);
        // printk on a synchronous console: the probing CPU goes on once the line is out
        k.console().then(() -> init(done));
    }

    /**
     * x86 interrupt remapping is on: the unit has ECAP.IR and the command line has no
     * {@code intremap=off} (drivers/iommu/irq_remapping.c {@code setup_irqremap}; {@code intel_iommu=off}
     * does not turn it off). The model's DMAR table always sets INTR_REMAP, and the kernels are built with
     * CONFIG_IRQ_REMAP. The remapping tables themselves are not modelled (the unit's remapper stays as
     * the previous owner left it); what this decides is when the fault interrupt is set up.
     */
    boolean irqRemapping() {
        if ((unit.readq(ECAP_REG) & ECAP_IR) == 0) {
            return false;
        }
        for (String o : k.cmdline().value("intremap").orElse("").split(",")) {
            if (o.equals("off")) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code enable_drhd_fault_handling} (drivers/iommu/intel/dmar.c; drivers/iommu/dmar.c before 5.8),
     * which x86 runs once the boot CPU's local APIC is set up when interrupt remapping is on
     * (arch/x86/kernel/apic/apic.c {@code apic_bsp_setup} -> {@code irq_remap_enable_fault_handling}),
     * long before {@code intel_iommu_init}: {@code dmar_set_interrupt}, then {@code dmar_fault(iommu->irq,
     * iommu)} to "Clear any previous faults", then FSTS read and written back. From here on the kernel
     * owns the fault interrupt, so faults raised while {@code init_dmars} switches the unit to the new
     * (or copied) root table reach {@link DmarFaultHandler}; {@code init_dmars}' own {@code
     * dmar_set_interrupt} finds {@code iommu->irq} set and returns. Without interrupt remapping the
     * interrupt is set up only at the end of {@code init_dmars} ({@link #setRoot}).
     */
    private void enableFaultHandling(Runnable then) {
        if (!irqRemapping()) {
            then.run();
            return;
        }
        setInterrupt();
        faults.clearPrevious(() -> {
            int fsts = unit.readl(FSTS_REG);
            unit.writel(FSTS_REG, fsts);
            then.run();
        });
    }

    /**
     * {@code dmar_set_interrupt}: "Check if the fault interrupt is already initialized", else the
     * kernel's handler on the unit's fault event ({@code request_irq(irq, dmar_fault, ...)}), whose
     * startup writes FEDATA/FEADDR ({@code dmar_msi_write}, not modelled: the event is a callback) and
     * unmasks it ({@code dmar_msi_unmask}: FECTL = 0; if FECTL.IP was set, the unit sends the pending
     * interrupt then, VT-d 10.4.10).
     */
    private void setInterrupt() {
        if (irqSet) {
            return;
        }
        irqSet = true;
        unit.addInterruptListener(faults);
        unit.writel(FECTL_REG, 0);
    }

    private void init(Consumer<Boolean> done) {
        faults = new DmarFaultHandler(k, unit, k.version().get(Behaviours.DMAR_FAULT_FORMAT),
                k.version().get(Behaviours.DMAR_FAULT_RATELIMIT));
        enableFaultHandling(() -> initDmars(done));
    }

    private void initDmars(Consumer<Boolean> done) {
        if (!k.cmdline().intelIommu().orElse(true)) {
            // dmar_disabled: intel_iommu_init "Make sure the IOMMUs are switched off" (intel_disable_iommus)
            k.console().print(LogLevel.INFO, P, "IOMMU disabled\n");
            k.console().then(() -> {
                if (foundEnabled) {
                    regs.disableTranslation(() -> finish(false, done));
                } else {
                    finish(false, done);
                }
            });
            return;
        }
        if (!policy.copyTables() && foundEnabled) {
            // v4.0 intel_iommu_init: "Disable translation if already enabled prior to OS handover"
            regs.disableTranslation(() -> {
                bypassOpened();
                preEnabled = false;
                initQi(done);
            });
            return;
        }
        initQi(done);
    }

    /** {@code intel_iommu_init_qi}: clear previous faults, disable QI if it was on, enable it on a fresh queue. */
    private void initQi(Consumer<Boolean> done) {
        faults.clearPrevious();
        regs.disableQi(() -> regs.enableQi(() -> {
            k.console().print(LogLevel.INFO, P, "%s: Using Queued invalidation\n", name);
            domainIds.set(0); // iommu_init_domains: domain-id 0 is reserved
            if (scalable) {
                // iommu_init_domains: "Vt-d spec rev3.0 (section 6.2.3.1) requires that each pasid entry for
                // first-level or pass-through translation modes should be programmed with a domain id different
                // from those used for second-level" (FLPT_DEFAULT_DID)
                domainIds.set(FLPT_DEFAULT_DID);
                identityDid = FLPT_DEFAULT_DID;
            }
            if (preEnabled && !k.kdump()) {
                k.console().print(LogLevel.WARNING, P, "Translation was enabled for %s but we are not in kdump mode\n",
                        name);
                k.console().then(() -> regs.disableTranslation(() -> {
                    bypassOpened();
                    preEnabled = false;
                    allocRoot(done);
                }));
                return;
            }
            k.console().then(() -> allocRoot(done));
        }));
    }

    /** {@code iommu_alloc_root_entry} and, for a translating unit in a kdump kernel, the table copy. */
    private void allocRoot(Consumer<Boolean> done) {
        root = k.pages().allocate(4096, 4096);
        k.memory().write(k.cpuAgent(), root, new byte[4096]);
        contexts = new ContextMapping(k, regs, policy, scalable, root);
        if (!preEnabled) {
            setRoot(done);
            return;
        }
        k.console().print(LogLevel.INFO, P, "Translation already enabled - trying to copy translation structures\n");
        k.console().then(() -> copyTables(done));
    }

    /** The copy and its outcome lines; on failure the v4.0 path (translation off, a clean root table). */
    private void copyTables(Consumer<Boolean> done) {
        copy = new TranslationTableCopy(k, unit, policy, domainIds);
        if (copy.copy(root, ndoms, scalable, unit.readq(ECAP_REG)) != 0) {
            k.console().print(LogLevel.ERR, P, "Failed to copy translation tables from old kernel for %s\n", name);
            k.memory().write(k.cpuAgent(), root, new byte[4096]);
            copy = null;
            k.console().then(() -> regs.disableTranslation(() -> {
                bypassOpened();
                preEnabled = false;
                setRoot(done);
            }));
            return;
        }
        for (int sid = copy.copiedSids.nextSetBit(0); sid >= 0; sid = copy.copiedSids.nextSetBit(sid + 1)) {
            deferred[sid] = true;
        }
        contexts.copied(copy.copiedBitmap);
        k.console().print(LogLevel.INFO, P, "Copied translation tables from old kernel for %s\n", name);
        k.console().then(() -> setRoot(done));
    }

    /** {@code iommu_set_root_entry}, global invalidation, {@code dmar_set_interrupt}, then TE unless it stayed on. */
    private void setRoot(Consumer<Boolean> done) {
        regs.setRootEntry(root, scalable, () -> regs.flushAll(() -> {
            setInterrupt(); // init_dmars: dmar_set_interrupt
            if (preEnabled) {
                finish(true, done);
                return;
            }
            regs.enableTranslation(() -> {
                if (bypassStartNs >= 0) {
                    bypassEndNs = k.sim().now();
                }
                finish(true, done);
            });
        }));
    }

    private void bypassOpened() {
        if (bypassStartNs < 0) {
            bypassStartNs = k.sim().now();
        }
    }

    private void finish(boolean ok, Consumer<Boolean> done) {
        if (ok) {
            k.console().print(LogLevel.INFO, P, "Intel(R) Virtualization Technology for Directed I/O\n");
            probed = true;
        } else {
            probeFailed = true;
        }
        k.console().then(() -> done.accept(ok));
    }

    // ---- the IOMMU core's calls -----------------------------------------------------------------

    /**
     * {@code intel_iommu_add_device} / {@code probe_device}: nothing reaches the hardware before the
     * attach. With the tables copied every device is deferred, copied entry or not (v4.2 {@code
     * if (translation_pre_enabled(iommu)) dev->archdata.iommu = DEFER_DEVICE_DOMAIN_INFO}; 6.x
     * {@code is_attach_deferred}: pre-enabled and no domain yet).
     */
    @Override
    public void addDevice(int sid, String devName) {
        if (!k.kdump()) {
            return;
        }
        if (policy.copyTables()) {
            if (copiedTables()) {
                deferred[sid & 0xffff] = true;
            }
            return;
        }
        // v4.0: the DMA API creates the device's domain at its first map (get_valid_domain_for_dev)
        deferred[sid & 0xffff] = true;
    }

    /**
     * {@code is_attach_deferred}: a device whose context entry was copied keeps it until its driver
     * maps DMA (v4.2+); in a v4.0 kdump kernel no device has a domain before its first map.
     */
    @Override
    public boolean isAttachDeferred(int sid) {
        return deferred[sid & 0xffff];
    }

    /** {@code intel_iommu_domain_alloc} + {@code md_domain_init}: a domain-id, a second-level table, the IOAPIC range reserved. */
    @Override
    public DmaDomain newDmaDomain(String domainName, IovaAllocator iova, long granuleBytes) {
        if (granuleBytes != VtdIoPageTable.PAGE) {
            throw new IllegalArgumentException("VT-d second-level tables map 4 KiB pages, not " + granuleBytes);
        }
        int did = allocateDomainId();
        VtdIoPageTable pt = new VtdIoPageTable(k, agawBits);
        iova.reserve(IOAPIC_RANGE);
        return new DmaDomain(domainName, did, iova, pt, pt.root());
    }

    private int allocateDomainId() {
        int did = domainIds.nextClearBit(1);
        if (did >= ndoms) {
            throw new IllegalStateException(name + ": no free domain-id among " + ndoms);
        }
        domainIds.set(did);
        return did;
    }

    /** {@code domain_context_mapping_one} ({@link ContextMapping}); a null domain is the identity (pass-through) domain. */
    @Override
    public void attach(int sid, DmaDomain domain, Runnable then) {
        sid &= 0xffff;
        deferred[sid] = false;
        if (domain == null) {
            if (identityDid < 0) {
                identityDid = allocateDomainId(); // si_domain
            }
            contexts.map(sid, 0, agawBits, identityDid, then);
        } else {
            contexts.map(sid, domain.contextAddress(), agawBits, domain.asid(), then);
        }
    }

    /** Whether this kernel programs scalable-mode tables ({@code sm_supported}). */
    public boolean scalableMode() {
        return scalable;
    }

    @Override
    public void kernelStopped() {
        if (faults != null) {
            faults.kernelStopped();
        }
    }

    /** An orderly kexec's IOMMU shutdown: translation off ({@code intel_iommu_shutdown} of later releases). */
    @Override
    public void shutdown() {
        if (regs != null) {
            regs.gcmd &= ~GCMD_TE;
            unit.writel(GCMD_REG, regs.gcmd);
        }
    }

    @Override
    public long[] reservedIovaRegions() {
        return new long[] {IOAPIC_RANGE.base(), IOAPIC_RANGE.size()};
    }

    @Override
    public IommuDriverSummary summary() {
        DmarFaultHandler f = faults;
        return new IommuDriverSummary(probed, probeFailed, foundEnabled, bypassStartNs, bypassEndNs,
                f == null ? 0 : f.printed(), f == null ? 0 : f.suppressed(), 0);
    }
}
