package dev.kdumpsim.scenarios.devices;

import dev.kdumpsim.scenarios.model.Doc;
import java.util.List;
import java.util.Optional;

/**
 * What a catalogue file says about its device besides the endpoint values: its name in words,
 * the Linux driver that binds it, where the values come from, and which values are the model's
 * own choice rather than a source's. The file's {@code endpoint:} mapping (the values themselves)
 * is kept as YAML nodes by {@link DevicePreset}.
 */
@Doc("A device of the catalogue (scenarios/devices/NAME.yaml)")
public record DeviceSheet(
        @Doc(value = "The device in words, as its vendor names it", required = true) String device,
        @Doc("The Linux driver (pci_driver.name) that binds it: the default name of drivers bound to its functions"
                + " (absent: the model's kdumpsim-nic / kdumpsim-hba)") Optional<String> driver,
        @Doc(value = "Primary sources of the values: datasheets, pci.ids at a commit, kernel file and function at a release",
                required = true) List<String> sources,
        @Doc("Endpoint keys whose values are the model's choice, not taken from a source (e.g. functions, aer.uncorSeverity)")
        List<String> modelValues) {

    public DeviceSheet {
        sources = List.copyOf(sources);
        modelValues = List.copyOf(modelValues);
    }
}
