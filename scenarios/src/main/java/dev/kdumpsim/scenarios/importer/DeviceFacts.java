package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.value.Bdf;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/** What the inputs say about one PCI function. Fields stay null until a line says them. */
public final class DeviceFacts {

    public final Bdf bdf;
    /** Driver name (the dev_printk prefix: {@code igb 0000:01:00.0: ...}) by kernel index. */
    public final TreeMap<Integer, String> drivers = new TreeMap<>();
    public Integer vendorId;
    public Integer deviceId;
    public Integer classCode;
    public String idsWhere;
    public Long uncorSeverity;
    public String severityWhere;
    /** AER error names the logs report for it ({@code Malformed TLP}, {@code CmpltTO}). */
    public final Set<String> errors = new LinkedHashSet<>();
    /** lspci -vvv DevCap FLReset+/-. */
    public Boolean flr;
    /** lspci -vvv lists the Advanced Error Reporting capability. */
    public Boolean aerCapability;
    /** lspci -nn/-vvv says it is a PCI bridge (class 0604): a root port or a switch port, not an endpoint. */
    public boolean bridge;
    /** Where the function was first named. */
    public String where;

    DeviceFacts(Bdf bdf, String where) {
        this.bdf = bdf;
        this.where = where;
    }
}
