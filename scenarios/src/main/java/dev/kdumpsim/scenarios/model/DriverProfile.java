package dev.kdumpsim.scenarios.model;

/** Which driver model a kernel binds to a device. */
public enum DriverProfile implements SpecName {
    NIC("nic", "network driver: RX buffer writes, TX descriptor reads, completion writes"),
    STORAGE("storage", "HBA driver: command fetches, data reads/writes, completion writes (can be the dump target)"),
    NONE("none", "no driver: nobody maps, resets or quiesces the device in this kernel");

    private final String specName;
    private final String description;

    DriverProfile(String specName, String description) {
        this.specName = specName;
        this.description = description;
    }

    @Override
    public String specName() {
        return specName;
    }

    @Override
    public String description() {
        return description;
    }
}
