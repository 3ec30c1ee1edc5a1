package dev.kdumpsim.core;

/**
 * A named stretch of physical memory: who owns it and what it holds.
 *
 * <p>Regions nest (the crashkernel reservation holds the kdump kernel's text, which holds
 * nothing smaller) but never partly overlap; an address belongs to its innermost region.
 * {@code owner} and {@code role} are free text chosen by the module that creates the region
 * (e.g. owner "kdump kernel", role "kernel text"), so the engine stays ignorant of Linux.
 *
 * @param id index in creation order, stable for a run
 * @param name short unique name, e.g. "crashkernel"
 * @param range the addresses covered
 * @param owner who the memory belongs to
 * @param role what the memory holds
 * @param parentId id of the enclosing region, or -1
 */
public record MemoryRegion(int id, String name, AddressRange range, String owner, String role, int parentId) {

    public long base() {
        return range.base();
    }

    public long size() {
        return range.size();
    }

    public boolean contains(long address) {
        return range.contains(address);
    }
}
