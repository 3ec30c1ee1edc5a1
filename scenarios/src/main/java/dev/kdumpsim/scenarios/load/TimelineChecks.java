package dev.kdumpsim.scenarios.load;

import dev.kdumpsim.scenarios.binding.Locations;
import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.kernel.machine.TimelineEvent;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.model.TimelineAction;
import dev.kdumpsim.scenarios.value.Bdf;
import java.util.TreeMap;

/**
 * Each timeline action's own fields: one panic at most, a device exactly for the actions that
 * reset or write one (an endpoint function for FLR, any function of the topology otherwise), and
 * a config write's offset, width and value inside the 4 KiB configuration space. The panic's
 * order against kexec and run-until is the Machine's precondition ({@link MachinePreconditions}).
 */
final class TimelineChecks {

    private final Locations at;

    TimelineChecks(Locations at) {
        this.at = at;
    }

    void check(Scenario s, TreeMap<Bdf, String> devices) throws ScenarioException {
        int panics = 0;
        for (TimelineAction a : s.timeline()) {
            if (a.action() == TimelineEvent.Kind.PANIC && ++panics > 1) {
                throw at.error(a, "action", "a second panic", "kernel #1 crashes once; the kdump kernel does not kdump again");
            }
        }
        for (TimelineAction a : s.timeline()) {
            boolean needsDevice = a.action() == TimelineEvent.Kind.FLR || a.action() == TimelineEvent.Kind.SBR || a.action() == TimelineEvent.Kind.CONFIG_WRITE;
            if (needsDevice && a.device().isEmpty()) {
                throw at.error(a, "action", a.action().specName() + " needs a device", "add device: \"01:00.0\"");
            }
            if (!needsDevice && a.device().isPresent()) {
                throw at.error(a, "device", a.action().specName() + " takes no device", "remove device");
            }
            if (a.device().isPresent()) {
                String kind = devices.get(a.device().get());
                if (kind == null || (a.action() == TimelineEvent.Kind.FLR && !kind.equals(TopologyChecks.ENDPOINT))) {
                    throw at.error(a, "device", "no " + (a.action() == TimelineEvent.Kind.FLR ? "endpoint function " : "device ") + a.device().get()
                            + " in the topology", TopologyChecks.known(devices));
                }
                new MachinePreconditions(at).sbrTarget(a, kind);
            }
            configWrite(a);
        }
    }

    private void configWrite(TimelineAction a) throws ScenarioException {
        boolean cw = a.action() == TimelineEvent.Kind.CONFIG_WRITE;
        if (!cw) {
            if (a.offset().isPresent() || a.value().isPresent()) {
                throw at.error(a, a.offset().isPresent() ? "offset" : "value", "only config-write takes offset and value", "remove it");
            }
            return;
        }
        if (a.offset().isEmpty() || a.value().isEmpty()) {
            throw at.error(a, "action", "config-write needs offset and value", "add offset: 0x04 and value: 0x0");
        }
        if (a.width() != 1 && a.width() != 2 && a.width() != 4) {
            throw at.error(a, "width", "config writes are 1, 2 or 4 bytes, not " + a.width(), "");
        }
        long off = a.offset().get();
        if (off < 0 || off + a.width() > 4096 || off % a.width() != 0) {
            throw at.error(a, "offset", "config-space offset " + hex(off) + " is outside 0-0xfff or not aligned to width " + a.width(), "");
        }
        long v = a.value().get();
        if (v < 0 || (a.width() < 8 && v >= 1L << (8 * a.width()))) {
            throw at.error(a, "value", hex(v) + " does not fit in " + a.width() + " bytes", "");
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
