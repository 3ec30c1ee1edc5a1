package dev.kdumpsim.scenarios.importer;


import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.kdumpsim.scenarios.model.DriverConfig;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the scenario the facts describe, as commented YAML in the current format: each value
 * read from the inputs names the line it came from, each value the inputs do not give is an
 * assumption named in a comment beside it and in the list at the top. Deterministic: no clock,
 * no locale (every number goes through {@link Locale#ROOT}).
 */
final class ScenarioYaml {

    private static final Pattern CRASHKERNEL = Pattern.compile("(?:^| )crashkernel=(\\S+)");
    private static final Pattern ELFCOREHDR = Pattern.compile(" ?elfcorehdr=\\S+");
    private static final long GIB = 1L << 30;
    /** The latest panic the import writes: past an hour the steady state only costs run time (and the run budget). */
    static final long MAX_PANIC_SECONDS = 3600;
    /** The longest kdump-kernel run the import writes (the reports' lines come within its first minutes). */
    static final long MAX_KDUMP_SECONDS = 300;
    /** crashkernel= values the model reads (size[@offset][,high|,low]); others (ranges, garbage) are replaced. */
    private static final Pattern CRASHKERNEL_VALUE = Pattern.compile("^\\d{1,9}[KMG]?(?:@(?:0x[0-9a-fA-F]{1,16}|\\d{1,12}[KMG]?))?(?:,high|,low)?$");
    /** The model's kernel #1 occupies the first 64 MiB of DRAM: a reservation there cannot be pinned. */
    private static final long KERNEL1_BYTES = 64L << 20;
    /** NICs given the 2018 report's heavy load; the others a light one (memory and run budget stay bounded). */
    private static final int HEAVY_NICS = 2;

    private final Facts facts;
    private final ImportTopology topology;
    private final List<String> sources;
    private final boolean withVersions;
    private final Assumptions assumed = new Assumptions();
    private final StringBuilder body = new StringBuilder();

    ScenarioYaml(Facts facts, ImportTopology topology, List<String> sources, boolean withVersions) {
        this.facts = facts;
        this.topology = topology;
        this.sources = sources;
        this.withVersions = withVersions;
    }

    String write(String name) {
        boolean x86 = facts.x86Evidence > facts.arm64Evidence || (facts.vtd && facts.arm64Evidence == 0);
        line("name: " + name);
        line("description: >-");
        line("  Imported by kdumpsim import from " + String.join(", ", sources) + ": " + summary(x86) + ".");
        line("seed: 1");
        platform(x86);
        kernels(x86);
        timeline();
        expect();
        StringBuilder head = new StringBuilder();
        head.append("# Written by `kdumpsim import` from ").append(String.join(", ", sources)).append(".\n");
        head.append("# Values read from the input name the line they came from; values it does not give are\n");
        head.append("# assumptions, each named beside the value and here. Edit them to match the machine.\n");
        head.append("#\n# Not in the input (assumed instead):\n");
        for (String n : assumed.notes()) {
            head.append("#   - ").append(n).append('\n');
        }
        if (assumed.notes().isEmpty()) {
            head.append("#   (nothing)\n");
        }
        return head + body.toString();
    }

    List<String> assumptions() {
        return assumed.notes();
    }

    private String summary(boolean x86) {
        return String.format(Locale.ROOT, "%s, %s, %d PCIe device(s), %d IOMMU event record(s), %d DMAR fault(s)%s",
                x86 ? "x86_64" : "arm64", x86 ? "VT-d" : "SMMUv3", topology.devices.size(), facts.eventCount, facts.dmarFaultCount,
                facts.aerFirmwareFirst || facts.aerNative ? ", AER" : "");
    }

    private void platform(boolean x86) {
        line("platform:");
        String archWhere = x86 ? facts.x86Where : facts.arm64Where;
        if (archWhere == null) {
            assumed.add("platform.arch", "arm64 (no line names the architecture; the model's default)");
            line("  arch: arm64  # assumed: no line names the architecture");
        } else {
            line("  arch: " + (x86 ? "x86_64" : "arm64") + "  # " + archWhere);
        }
        long end = facts.crashkernelBase == null ? 0 : facts.crashkernelBase + facts.crashkernelSize;
        line("  dram:");
        DramSection.write(facts, x86, end, this::line, assumed);
        if (x86) {
            line("  iommu: {model: vt-d}  # " + (facts.vtdWhere == null ? "assumed: x86_64 has VT-d in the model" : facts.vtdWhere));
        } else {
            line("  smmu:");
            if (facts.smmuOas != null) {
                line("    oasBits: " + facts.smmuOas + "  # ias " + facts.smmuIas + "-bit, oas " + facts.smmuOas + "-bit (" + facts.smmuWhere + ")");
            } else {
                line("    oasBits: 44  # assumed: no 'ias N-bit, oas N-bit' line");
                assumed.add("platform.smmu.oasBits", "44 (no 'ias N-bit, oas N-bit' line)");
            }
            SmmuFeaturesLine.write(facts, this::line, assumed);
            line("    sidSizeBits: 16  # assumed: the driver does not print IDR1.SIDSIZE");
            line("    gbpaResetAbort: false  # assumed: firmware leaves GBPA bypassing" + (facts.smmuReset ? ", as 'SMMU currently enabled! Resetting...' then DMA suggests" : ""));
            assumed.add("platform.smmu", "sidSizeBits 16, 2-level stream table, GBPA bypass after firmware (the driver prints none of them)");
        }
        line("  pcie:");
        streamIds();
        line("    topology:");
        line("      rootPorts:");
        if (topology.rootPorts.isEmpty()) {
            line("        - bdf: \"00:00.0\"  # assumed: the input names no PCIe port");
        }
        for (Bdf p : topology.rootPorts) {
            line("        - bdf: \"" + bdf(p) + "\"" + (topology.assumedPorts.contains(p) ? "  # assumed: the input names no port above its device" : ""));
        }
        if (!topology.assumedPorts.isEmpty()) {
            assumed.add("platform.pcie.topology.rootPorts", "a root port of its own above each device the input shows no port for (give lspci -tv)");
        }
        if (topology.skippedBus0 > 0) {
            assumed.add("platform.pcie.topology", topology.skippedBus0 + " function(s) on bus 0 left out (integrated devices and ports, not endpoints behind a link)");
        }
        if (topology.droppedDevices > 0 || facts.devicesDropped > 0) {
            assumed.add("platform.pcie.topology", (topology.droppedDevices + facts.devicesDropped) + " function(s) left out: the import writes at most " + ImportTopology.MAX_ENDPOINTS + " devices");
        }
        if (!topology.switches.isEmpty()) {
            line("      switches:  # " + facts.topologyWhere);
            for (ImportTopology.ImportedSwitch sw : topology.switches) {
                StringBuilder ports = new StringBuilder();
                for (Bdf dp : sw.downstreamPorts()) {
                    ports.append(ports.length() == 0 ? "" : ", ").append('"').append(bdf(dp)).append('"');
                }
                line("        - {upstreamPort: \"" + bdf(sw.upstreamPort()) + "\", port: \"" + bdf(sw.port())
                        + "\", downstreamPorts: [" + ports + "]}");
            }
        }
        line("      endpoints:" + (topology.devices.isEmpty() ? " []" : ""));
        if (topology.devices.isEmpty()) {
            assumed.add("platform.pcie.topology.endpoints", "none: no PCI function below a port is named in the input");
        }
        for (ImportedDevice d : topology.devices) {
            endpoint(d);
        }
    }

    private void streamIds() {
        if (facts.events.isEmpty()) {
            return;
        }
        SmmuEvent e = facts.events.get(0);
        long sid = e.streamId();
        boolean identity = facts.events.stream().anyMatch(ev -> topology.devices.stream().anyMatch(d -> covers(d, ev.streamId())));
        if (identity || topology.devices.isEmpty()) {
            line(String.format(Locale.ROOT, "    requesterIdToStreamId: {base: 0, offset: 0}  # StreamID 0x%x of event 0x%02x (%s) is the requester ID of a device",
                    sid, e.id(), e.header().where()));
        } else {
            ImportedDevice d = topology.devices.get(0);
            long offset = sid - d.bdf().requesterId();
            if (offset >= 0 && sid <= 0xffff) {
                line(String.format(Locale.ROOT, "    requesterIdToStreamId: {base: 0, offset: %d}  # assumed: StreamID 0x%x (%s) is %s's",
                        offset, sid, e.header().where(), bdf(d.bdf())));
                assumed.add("platform.pcie.requesterIdToStreamId", "the event's StreamID belongs to " + bdf(d.bdf()));
            }
        }
    }

    private static boolean covers(ImportedDevice d, long sid) {
        return sid >= d.bdf().requesterId() && sid < d.bdf().requesterId() + d.functions();
    }

    private void endpoint(ImportedDevice d) {
        line("        - bdf: \"" + bdf(d.bdf()) + "\"  # " + d.seen().get(0).where);
        line("          port: \"" + bdf(d.port()) + "\"" + (d.portWhere() == null ? "  # assumed" : "  # " + d.portWhere()));
        Integer vendor = d.first(f -> f.vendorId);
        Integer device = d.first(f -> f.deviceId);
        String idsWhere = d.first(f -> f.idsWhere);
        if (d.preset().isPresent()) {
            line(String.format(Locale.ROOT, "          preset: %s  # [%04x:%04x] (%s): %s", d.preset().get().name(), vendor, device, idsWhere,
                    d.preset().get().sheet().device()));
        } else if (vendor != null) {
            line(String.format(Locale.ROOT, "          vendorId: \"0x%04x\"  # %s", vendor, idsWhere));
            line(String.format(Locale.ROOT, "          deviceId: \"0x%04x\"", device));
        } else {
            assumed.add("endpoint " + bdf(d.bdf()) + " ids", "the model's (no [vendor:device] in the input: give lspci -nn)");
        }
        Integer cls = d.first(f -> f.classCode);
        if (cls != null && d.preset().isEmpty()) {
            line(String.format(Locale.ROOT, "          classCode: \"0x%06x\"", cls));
        }
        line("          functions: " + d.functions() + "  # the functions the input names");
        if (d.malformedTlp()) {
            line("          errorProfile: defective-completion  # Malformed TLP reported: the 2018 device's mis-parsed abort completions");
            line("          wedgeAfterErrors: 16  # assumed, as report-2018.yaml");
            assumed.add("endpoint " + bdf(d.bdf()) + " errorProfile", "defective-completion: it reported Malformed TLP, read as the 2018 adapter's defect");
        } else {
            line("          errorProfile: normal");
        }
        Boolean flr = d.first(f -> f.flr);
        if (flr != null) {
            line("          flrCapable: " + flr + "  # lspci DevCap FLReset" + (flr ? "+" : "-"));
        }
        if (Boolean.TRUE.equals(d.first(f -> f.aerCapability))) {
            line("          # lspci lists its Advanced Error Reporting capability (the model gives every endpoint one)");
        }
        Long sev = d.first(f -> f.uncorSeverity);
        if (sev != null) {
            line(String.format(Locale.ROOT, "          aer: {uncorSeverity: \"0x%08x\"}  # aer_uncor_severity (%s)", sev, d.first(f -> f.severityWhere)));
        }
    }

    private void kernels(boolean x86) {
        line("kernels:");
        String first = cmdline(false);
        String kdump = cmdline(true);
        if (first == null) {
            first = x86 ? "console=ttyS0,115200 intel_iommu=on" : "console=ttyAMA0,115200";
            assumed.add("kernels.first.cmdline", "'" + first + "' (no 'Kernel command line:' of kernel #1)");
        }
        first = crashkernel(first);
        kernel("first", first, 0, false, x86);
        if (kdump == null) {
            kdump = (x86 ? "console=ttyS0,115200 intel_iommu=on" : "console=ttyAMA0,115200") + " reset_devices maxcpus=1";
            assumed.add("kernels.kdump.cmdline", "'" + kdump + "' (no command line of the kdump kernel)");
        }
        kernel("kdump", ELFCOREHDR.matcher(kdump).replaceAll(""), facts.lastKernel, true, x86);
    }

    /** The command line of kernel #1 (with crashkernel=) or of the kdump kernel (reset_devices, elfcorehdr=). */
    private String cmdline(boolean kdump) {
        for (Facts.CommandLine c : facts.cmdlines) {
            boolean isKdump = c.text().contains("elfcorehdr=") || c.text().contains("reset_devices")
                    || (c.line().kernel() > 0 && !c.text().contains("crashkernel="));
            if (isKdump == kdump) {
                return c.text();
            }
        }
        return null;
    }

    /** kernel #1's command line with crashkernel= placed where the log says it was reserved. */
    private String crashkernel(String given) {
        String cmdline = given;
        Matcher m = CRASHKERNEL.matcher(cmdline);
        boolean has = m.find();
        if (has && !CRASHKERNEL_VALUE.matcher(m.group(1)).find()) {
            assumed.add("kernels.first.cmdline", "the log's crashkernel=" + m.group(1) + " is a form the model does not read: replaced");
            cmdline = CRASHKERNEL.matcher(cmdline).replaceFirst("").strip();
            m = CRASHKERNEL.matcher(cmdline);
            has = m.find();
        }
        if (facts.crashkernelBase != null && facts.crashkernelBase < KERNEL1_BYTES) {
            String size = String.format(Locale.ROOT, "crashkernel=%dM", facts.crashkernelSize >> 20);
            assumed.add("kernels.first.cmdline", "'" + size + "' placed by the model: the log's base 0x" + Long.toHexString(facts.crashkernelBase)
                    + " is inside the model's kernel #1 (" + facts.crashkernelWhere + ")");
            return (has ? CRASHKERNEL.matcher(cmdline).replaceFirst(m.start() == 0 ? size : " " + size) : cmdline + " " + size).strip();
        }
        if (facts.crashkernelBase != null) {
            String spec = String.format(Locale.ROOT, "crashkernel=%dM@0x%x", facts.crashkernelSize >> 20, facts.crashkernelBase);
            if (!has || !m.group(1).contains("@")) {
                assumed.add("kernels.first.cmdline", "'" + spec + "' pins the reservation the log shows (" + facts.crashkernelWhere + ")"
                        + (has ? "; the log's cmdline had crashkernel=" + m.group(1) : ""));
            }
            return has && m.group(1).contains("@") ? cmdline : (has ? CRASHKERNEL.matcher(cmdline).replaceFirst(m.start() == 0 ? spec : " " + spec)
                    : cmdline + " " + spec).strip();
        }
        if (!has) {
            assumed.add("kernels.first.cmdline", "crashkernel=512M (neither a crashkernel= nor a 'crashkernel reserved' line)");
            return (cmdline + " crashkernel=512M").strip();
        }
        return cmdline;
    }

    private void kernel(String which, String cmdline, int index, boolean kdump, boolean x86) {
        line("  " + which + ":");
        String version = facts.versions.get(index);
        if (version == null && facts.versions.size() == 1) {
            version = facts.versions.firstEntry().getValue();
        }
        if (withVersions && version != null && version.matches("[0-9][0-9A-Za-z._+~-]{0,63}")) {
            LogLine l = facts.versionLines.getOrDefault(index, facts.versionLines.firstEntry().getValue());
            line("    version: \"" + version + "\"  # Linux version (" + l.where() + ")");
        } else {
            String policy = x86 ? "intel-iommu@4.2" : "arm-smmu-v3@4.16";
            line("    iommuDriver: " + policy + "  # assumed: no 'Linux version' line" + (withVersions ? "" : " the model knows"));
            assumed.add("kernels." + which + ".version", "none; the IOMMU driver policy " + policy
                    + (!x86 && facts.smmuReset ? " (its reset prints 'SMMU currently enabled! Resetting...', as the log does)" : ""));
        }
        line("    cmdline: \"" + cmdline.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        if (kdump) {
            String aer = facts.aerNative && !facts.aerFirmwareFirst ? "native" : "firmware-first";
            line("    aer: " + aer + (facts.aerNative || facts.aerFirmwareFirst ? "  # the form of the AER lines" : "  # assumed: no AER lines"));
        }
        line("    drivers:" + (topology.devices.isEmpty() ? " []" : ""));
        int heavy = 0;
        for (ImportedDevice d : topology.devices) {
            for (int fn = 0; fn < d.functions(); fn++) {
                driver(d, fn, index, kdump, !d.storage() && heavy++ < HEAVY_NICS);
            }
        }
    }

    private void driver(ImportedDevice d, int fn, int kernelIndex, boolean kdump, boolean heavy) {
        Bdf b = new Bdf(d.bdf().segment(), d.bdf().bus(), d.bdf().device(), fn);
        String name = null;
        boolean boundHere = false;
        for (DeviceFacts f : d.seen()) {
            if (f.bdf.equals(b) && !f.drivers.isEmpty()) {
                name = f.drivers.getOrDefault(kernelIndex, f.drivers.firstEntry().getValue());
                boundHere = f.drivers.containsKey(kernelIndex) && facts.lastKernel > 0;
            }
        }
        String nameKey = name != null && !name.equals(d.preset().flatMap(p -> p.sheet().driver()).orElse(null))
                && name.matches(DriverConfig.NAME_PATTERN) ? ", name: " + name : "";
        String dev = "{device: \"" + bdf(b) + "\"";
        if (kdump && !d.storage() && !boundHere) {
            line("      - " + dev + ", profile: none}  # assumed: no driver binds it in the kdump kernel");
            return;
        }
        if (d.storage()) {
            line("      - " + dev + ", profile: storage, rings: 1, ringEntries: " + (kdump ? 64 : 256) + ", bufferSize: 4KiB, iovaFootprint: "
                    + (kdump ? "1MiB" : "4MiB") + ", dmaRatePerSec: " + (kdump ? 1000 : 2000) + nameKey + "}  # assumed load"
                    + (kdump ? "; the dump target" : ""));
        } else if (kdump || !heavy) {
            line("      - " + dev + ", profile: nic, rings: 1, ringEntries: 256, bufferSize: 2KiB, iovaFootprint: 2MiB, dmaRatePerSec: 1000"
                    + nameKey + "}  # " + (kdump ? "bound in the kdump kernel's log; " : "") + "assumed load");
        } else {
            line("      - " + dev + ", profile: nic, rings: 8, ringEntries: 4096, bufferSize: 2KiB, iovaFootprint: 128MiB, dmaRatePerSec: 8000"
                    + nameKey + "}  # assumed load, as report-2018.yaml");
        }
        if (fn == 0 && !kdump) {
            assumed.add("drivers of " + bdf(d.bdf()), "profile " + (d.storage() ? "storage" : "nic") + " with a fixed load (rings, footprint and rate are not in a log)");
        }
    }

    private void timeline() {
        line("timeline:");
        double panic = facts.panic != null && facts.panic.kernel() == 0 && facts.panic.seconds() >= 0 ? Math.ceil(facts.panic.seconds()) : -1;
        if (panic > MAX_PANIC_SECONDS) {
            line("  - {at: " + MAX_PANIC_SECONDS + "s, action: panic}  # assumed: the log's panic at " + (long) panic + " s, brought forward to keep the run short");
            assumed.add("timeline panic", "at " + MAX_PANIC_SECONDS + " s instead of the log's " + (long) panic + " s (the DMA before the panic is steady state)");
        } else if (panic >= 60) {
            line(String.format(Locale.ROOT, "  - {at: %ds, action: panic}  # Kernel panic (%s)", (long) panic, facts.panic.where()));
        } else {
            line("  - {at: 3600s, action: panic}  # assumed: an hour after boot");
            assumed.add("timeline panic", "at 3600 s of kernel #1 (no 'Kernel panic' line of kernel #1 with a time past a minute)");
        }
        Double last = facts.lastKernel > 0 ? facts.lastSeconds.get(facts.lastKernel) : facts.lastSeconds.values().stream().max(Double::compare).orElse(null);
        long until = Math.max(30, last == null ? 0 : (long) Math.ceil(last) + 5);
        if (until > MAX_KDUMP_SECONDS) {
            assumed.add("timeline run-until", MAX_KDUMP_SECONDS + " s of the kdump kernel, not the " + until + " s its log spans");
            until = MAX_KDUMP_SECONDS;
        }
        line("  - {at: " + until + "s, clock: kdump, action: run-until}  # past the last line of the log" + (last == null ? " (assumed: no timestamps)" : ""));
    }

    private void expect() {
        line("expect:");
        if (facts.distinctive.isEmpty()) {
            line("  log: []  # no line of the input is one the model prints (IOMMU, AER, crashkernel, panic)");
            assumed.add("expect.log", "empty: no distinctive line in the input");
            return;
        }
        line("  # The report's distinctive lines, any timestamp (RE2, matched against both kernels' logs)");
        line("  log:");
        Set<String> seen = new LinkedHashSet<>();
        for (Facts.Distinctive d : facts.distinctive) {
            String p = LogPatterns.of(d.line());
            if (seen.add(p)) {
                line("    # " + d.kind() + " (" + d.line().where() + ")");
                line("    - '" + p.replace("'", "''") + "'");
            }
        }
    }

    private static String bdf(Bdf b) {
        return b.segment() == 0 ? String.format(Locale.ROOT, "%02x:%02x.%d", b.bus(), b.device(), b.function()) : b.toString();
    }

    private void line(String s) {
        body.append(s).append('\n');
    }
}
