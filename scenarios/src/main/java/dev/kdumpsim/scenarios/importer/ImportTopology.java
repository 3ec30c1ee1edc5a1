package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.value.Bdf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The PCIe tree of the written scenario from what the inputs say: functions grouped into
 * devices (bus:device), each below the root port the inputs put it under (lspci -tv, the native
 * AER "error received" line of its port), else below a root port of its own (the model puts one
 * device on each link). Functions on bus 0 and bridges are not endpoints.
 */
final class ImportTopology {

    /** Drivers whose devices are storage (can be the dump target): Linux pci_driver names. */
    private static final Set<String> STORAGE_DRIVERS = Set.of("nvme", "mpt3sas", "mpt2sas", "megaraid_sas", "hpsa", "ahci", "smartpqi",
            "aacraid", "qla2xxx", "lpfc", "mptsas", "isci", "mvsas", "hisi_sas_v3_hw");

    /** Most endpoint devices written: a report is about a few; the rest would only cost run time and memory. */
    static final int MAX_ENDPOINTS = 16;

    final List<Bdf> rootPorts = new ArrayList<>();
    /** Switches lspci -tv shows: an upstream port below a root or downstream port, with its downstream ports. */
    final List<ImportedSwitch> switches = new ArrayList<>();

    /** One switch as {@code platform.pcie.topology.switches[]} writes it. */
    record ImportedSwitch(Bdf upstreamPort, Bdf port, List<Bdf> downstreamPorts) {
    }
    final List<ImportedDevice> devices = new ArrayList<>();
    /** Root ports the inputs did not show (made up, one per device). */
    final Set<Bdf> assumedPorts = new TreeSet<>();
    int skippedBus0;
    /** Devices left out: bus 0 has no free device number for another root port. */
    int droppedDevices;

    ImportTopology(Facts facts, PresetMatch presets) {
        Map<Bdf, List<DeviceFacts>> byDevice = new TreeMap<>();
        for (DeviceFacts d : facts.devices.values()) {
            if (d.bridge || facts.rootPorts.contains(d.bdf)) {
                continue;
            }
            if (d.bdf.bus() == 0) {
                skippedBus0++;
                continue;
            }
            Bdf f0 = new Bdf(d.bdf.segment(), d.bdf.bus(), d.bdf.device(), 0);
            byDevice.computeIfAbsent(f0, k -> new ArrayList<>()).add(d);
        }
        Set<Bdf> downstream = findSwitches(facts);
        Set<Bdf> taken = new TreeSet<>(facts.devices.keySet());
        taken.addAll(facts.rootPorts);
        Map<Bdf, Bdf> used = new LinkedHashMap<>(); // root port -> the device below it
        rootPorts.addAll(facts.rootPorts);
        for (Map.Entry<Bdf, List<DeviceFacts>> e : byDevice.entrySet()) {
            if (devices.size() >= MAX_ENDPOINTS) {
                droppedDevices++;
                continue;
            }
            List<DeviceFacts> seen = e.getValue();
            Bdf port = null;
            String where = null;
            for (DeviceFacts d : seen) {
                Bdf link = facts.bridgeAbove.get(d.bdf);
                Bdf p = link != null && downstream.contains(link) ? link : facts.portOf.get(d.bdf);
                if (p != null && (facts.rootPorts.contains(p) || downstream.contains(p)) && !used.containsKey(p)) {
                    port = p;
                    where = facts.topologyWhere;
                    break;
                }
            }
            if (port == null) {
                port = freePort(taken, e.getKey().segment());
                if (port == null) {
                    droppedDevices++;
                    continue;
                }
                taken.add(port);
                rootPorts.add(port);
                assumedPorts.add(port);
            }
            used.put(port, e.getKey());
            int functions = seen.stream().mapToInt(d -> d.bdf.function()).max().orElse(0) + 1;
            DeviceFacts ids = seen.stream().filter(d -> d.vendorId != null).findFirst().orElse(null);
            var preset = ids == null ? java.util.Optional.<dev.kdumpsim.scenarios.devices.DevicePreset>empty() : presets.of(ids.vendorId, ids.deviceId);
            devices.add(new ImportedDevice(e.getKey(), functions, port, where, List.copyOf(seen), preset, storage(seen, preset)));
        }
        rootPorts.sort(null);
    }

    /**
     * Switches from the bridges lspci -tv shows below the root ports: a bridge right below a root
     * port or a downstream port is a switch's upstream port, a bridge right below an upstream port
     * one of its downstream ports (PCIe r5.0 §1.3.3); an upstream port with no downstream port is
     * left out. Returns the downstream ports, where endpoints may hang.
     */
    private Set<Bdf> findSwitches(Facts facts) {
        Set<Bdf> upstream = new TreeSet<>();
        Set<Bdf> downstream = new TreeSet<>();
        boolean changed = true;
        while (changed) { // parents first: a few passes for nested switches
            changed = false;
            for (Map.Entry<Bdf, Bdf> e : facts.bridgeAbove.entrySet()) {
                DeviceFacts d = facts.devices.get(e.getKey());
                Bdf b = e.getKey();
                Bdf parent = e.getValue();
                if (d == null || !d.bridge || upstream.contains(b) || downstream.contains(b)) {
                    continue;
                }
                if (facts.rootPorts.contains(parent) || downstream.contains(parent)) {
                    changed |= upstream.add(b);
                } else if (upstream.contains(parent)) {
                    changed |= downstream.add(b);
                }
            }
        }
        for (Bdf u : upstream) {
            List<Bdf> ports = new ArrayList<>();
            for (Bdf dp : downstream) {
                if (u.equals(facts.bridgeAbove.get(dp))) {
                    ports.add(dp);
                }
            }
            if (!ports.isEmpty()) {
                switches.add(new ImportedSwitch(u, facts.bridgeAbove.get(u), List.copyOf(ports)));
            }
        }
        Set<Bdf> usable = new TreeSet<>();
        switches.forEach(sw -> usable.addAll(sw.downstreamPorts()));
        return usable;
    }

    private static boolean storage(List<DeviceFacts> seen, java.util.Optional<dev.kdumpsim.scenarios.devices.DevicePreset> preset) {
        for (DeviceFacts d : seen) {
            if (d.classCode != null && d.classCode >> 16 == 0x01) {
                return true;
            }
            if (d.drivers.values().stream().anyMatch(STORAGE_DRIVERS::contains)) {
                return true;
            }
        }
        return preset.flatMap(p -> p.sheet().driver()).map(STORAGE_DRIVERS::contains).orElse(false);
    }

    /** 00:00.0, 00:01.0, ... the first not named by the inputs. */
    private static Bdf freePort(Set<Bdf> taken, int segment) {
        for (int dev = 0; dev < 32; dev++) {
            Bdf b = new Bdf(segment, 0, dev, 0);
            if (!taken.contains(b)) {
                return b;
            }
        }
        return null;
    }
}
