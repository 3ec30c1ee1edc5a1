package dev.kdumpsim.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A kernel command line split as init/main.c {@code parse_args} does (space-separated
 * {@code key[=value]}, the last occurrence wins), with the options the model reads.
 */
public final class KernelCommandLine {

    private final String text;
    private final Map<String, String> options = new LinkedHashMap<>();

    public KernelCommandLine(String text) {
        this.text = text == null ? "" : text.trim();
        for (String tok : this.text.split("\\s+")) {
            if (tok.isEmpty()) {
                continue;
            }
            int eq = tok.indexOf('=');
            options.put(eq < 0 ? tok : tok.substring(0, eq), eq < 0 ? "" : tok.substring(eq + 1));
        }
    }

    public String text() {
        return text;
    }

    public boolean has(String key) {
        return options.containsKey(key);
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** {@code reset_devices}: drivers reset their device at probe (include/linux/init.h). */
    public boolean resetDevices() {
        return has("reset_devices");
    }

    /** {@code iommu.forcedac=1}: no 32-bit IOVA attempt for PCI devices (v5.13+ dma-iommu.c). */
    public boolean forcedac() {
        return value("iommu.forcedac").map(KernelCommandLine::truthy).orElse(false);
    }

    /** {@code arm-smmu-v3.disable_bypass=} if given. */
    public Optional<Boolean> disableBypass() {
        return value("arm-smmu-v3.disable_bypass").map(KernelCommandLine::truthy);
    }

    /**
     * {@code intel_iommu=} (drivers/iommu/intel/iommu.c {@code intel_iommu_setup}, a comma list):
     * true for {@code on}, false for {@code off}, empty when neither is given.
     */
    public Optional<Boolean> intelIommu() {
        Optional<Boolean> r = Optional.empty();
        for (String o : value("intel_iommu").orElse("").split(",")) {
            if (o.equals("on")) {
                r = Optional.of(true);
            } else if (o.equals("off")) {
                r = Optional.of(false);
            }
        }
        return r;
    }

    /** {@code iommu=pt} (arch/x86/kernel/pci-dma.c {@code iommu_setup}): DMA-API devices get the identity domain. */
    public boolean iommuPassThrough() {
        boolean pt = false;
        for (String o : value("iommu").orElse("").split(",")) {
            if (o.equals("pt")) {
                pt = true;
            } else if (o.equals("nopt")) {
                pt = false;
            }
        }
        return pt;
    }

    /**
     * Baud rate of a serial console: {@code console=ttyAMA0,115200n8} gives 115200; a serial
     * console without options keeps the UART's firmware rate, modelled as 115200; no serial
     * console gives 0 (printk costs nothing).
     */
    public int serialConsoleBaud() {
        Optional<String> c = value("console");
        if (c.isEmpty() || !(c.get().startsWith("tty") && !c.get().startsWith("tty0") && !c.get().equals("tty"))) {
            return 0;
        }
        int comma = c.get().indexOf(',');
        if (comma < 0) {
            return 115200;
        }
        String opt = c.get().substring(comma + 1);
        int end = 0;
        while (end < opt.length() && Character.isDigit(opt.charAt(end))) {
            end++;
        }
        return end == 0 ? 115200 : Integer.parseInt(opt.substring(0, end));
    }

    /** CPUs that run ({@code maxcpus=}/{@code nr_cpus=}), {@code dflt} if not given. */
    public int cpus(int dflt) {
        for (String k : new String[] {"nr_cpus", "maxcpus"}) {
            Optional<String> v = value(k);
            if (v.isPresent() && v.get().matches("\\d+")) {
                return Math.max(1, Integer.parseInt(v.get()));
            }
        }
        return dflt;
    }

    private static boolean truthy(String v) {
        return v.isEmpty() || v.equals("1") || v.equalsIgnoreCase("y") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on");
    }
}
