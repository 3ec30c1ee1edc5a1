package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.AddressRange;
import dev.kdumpsim.core.PhysicalMemory;
import java.util.List;

/**
 * The kdump kernel's use of the crashkernel region over time, as regions of role
 * {@link MemoryRoles#LIVE_KDUMP} nested in the crashkernel region (role
 * {@link MemoryRoles#FREE_KDUMP}); a stray write is classified by what is there at that moment.
 *
 * <ul>
 * <li>{@code kexec -p} in kernel #1 loads the segments: kexec-tools (kexec/arch/arm64/kexec-arm64.c
 *     {@code arm64_locate_kernel_segment}, {@code arm64_load_other_segments}) puts the Image at the
 *     lowest 2 MiB-aligned address of the region plus text_offset (0x80000 before v5.8), then
 *     bottom-up the initramfs, the DTB with "linux,usable-memory-range" and purgatory; the ELF
 *     core header goes at the top (crashdump-arm64.c, {@code add_buffer_phys_virt(..., -1, 0)}).</li>
 * <li>At boot the kdump kernel's memblock allocates top-down ({@code memblock.bottom_up = false}):
 *     the memmap (64-byte {@code struct page} per 4 KiB page) and page tables, percpu areas and the
 *     log buffer land at the top of the region, exactly where stale IOVAs just below the top of
 *     the 32-bit space point.</li>
 * <li>Later allocations (unpacked initramfs, slab, SMMU tables, DMA buffers) come from the page
 *     allocator, modelled top-down below memblock in 2 MiB chunks.</li>
 * </ul>
 * Sizes are model values (a typical arm64 distribution kernel), documented in docs/model-kernel.md.
 */
@KernelApi
public final class KdumpMemory {

    public static final long MIB = 1L << 20;
    static final long TEXT_OFFSET = 0x80000;
    public static final long IMAGE_BYTES = 40 * MIB;
    public static final long INITRD_BYTES = 32 * MIB;
    public static final long SEGMENTS_BYTES = 1 * MIB;
    /** memblock allocations besides the memmap: page tables, percpu, log_buf, early slab. */
    public static final long MEMBLOCK_EXTRA_BYTES = 16 * MIB;
    /** Page-allocator pages in use once early initcalls ran (initramfs unpacked into the page cache, slab). */
    public static final long EARLY_WORKING_SET_BYTES = 48 * MIB;
    static final long CHUNK = 2 * MIB;
    /** The ELF core header kexec-tools writes at the top of the region (one 64 KiB-aligned buffer). */
    static final long ELFCOREHDR_BYTES = 64 * 1024;

    private final PhysicalMemory mem;
    private final AddressRange crash;
    private final String owner;
    private PhysAllocator pages;
    private long chunkBase;
    private long chunkTop;
    private int chunks;
    private long pagesInUse;

    public KdumpMemory(PhysicalMemory mem, AddressRange crash, String owner) {
        long need = IMAGE_BYTES + INITRD_BYTES + SEGMENTS_BYTES + memmapBytes(crash.size()) + MEMBLOCK_EXTRA_BYTES
                + EARLY_WORKING_SET_BYTES + 8 * CHUNK;
        if (crash.size() < need) {
            throw new IllegalArgumentException("the crashkernel region (" + crash.size() / MIB + " MiB) is too small for the kdump"
                    + " kernel model, which needs at least " + (need + MIB - 1) / MIB + " MiB");
        }
        this.mem = mem;
        this.crash = crash;
        this.owner = owner;
    }

    /** 64 bytes of struct page per 4 KiB page (arm64, no SPARSEMEM_VMEMMAP savings), rounded to 2 MiB. */
    static long memmapBytes(long regionBytes) {
        long b = regionBytes / 4096 * 64;
        return (b + CHUNK - 1) & -CHUNK;
    }

    public AddressRange crashRange() {
        return crash;
    }

    /** kexec -p: Image, initramfs, DTB + elfcorehdr + purgatory become live kdump data. */
    public void loadSegments() {
        long imageBase = ((crash.base() + CHUNK - 1) & -CHUNK) + TEXT_OFFSET;
        mem.addRegion("kdump Image (text, data, bss)", imageBase, IMAGE_BYTES, owner, MemoryRoles.LIVE_KDUMP);
        long initrd = (imageBase + IMAGE_BYTES + CHUNK - 1) & -CHUNK;
        mem.addRegion("kdump initramfs", initrd, INITRD_BYTES, owner, MemoryRoles.LIVE_KDUMP);
        long seg = initrd + INITRD_BYTES;
        mem.addRegion("kdump DTB and purgatory", seg, SEGMENTS_BYTES, owner, MemoryRoles.LIVE_KDUMP);
        segmentsEnd = seg + SEGMENTS_BYTES;
        mem.addRegion("kdump elfcorehdr", crash.end() - ELFCOREHDR_BYTES, ELFCOREHDR_BYTES, owner, MemoryRoles.LIVE_KDUMP);
    }

    private long segmentsEnd;

    /** setup_arch(): memblock's top-down early allocations. */
    public void bootMemblock() {
        long size = memmapBytes(crash.size()) + MEMBLOCK_EXTRA_BYTES;
        long base = (crash.end() - ELFCOREHDR_BYTES - size) & -ELFCOREHDR_BYTES; // just below the elfcorehdr
        mem.addRegion("kdump memblock (memmap, page tables, percpu, log_buf)", base, size, owner, MemoryRoles.LIVE_KDUMP);
        pages = new PhysAllocator(List.of(AddressRange.ofBounds(Math.max(segmentsEnd, crash.base()), base)));
    }

    /** Early initcalls: initramfs unpacked, slab caches filled. */
    public void earlyWorkingSet() {
        allocateRegion("kdump page cache and slab (initramfs unpacked)", EARLY_WORKING_SET_BYTES);
    }

    /** A dedicated live region of {@code size} bytes (2 MiB aligned), for large allocations. */
    public long allocateRegion(String name, long size) {
        long rounded = (size + CHUNK - 1) & -CHUNK;
        long base = pages.allocate(rounded, CHUNK);
        mem.addRegion(name, base, rounded, owner, MemoryRoles.LIVE_KDUMP);
        pagesInUse += rounded;
        return base;
    }

    /**
     * Page-allocator memory for the kdump kernel ({@code alloc_pages}, {@code dma_alloc_coherent}):
     * carved from 2 MiB live chunks.
     */
    public long allocatePages(long size, long align) {
        if (size > CHUNK) {
            return allocateRegion("kdump pages #" + (++chunks) + " (large)", size);
        }
        long base = (chunkTop - size) & -align;
        if (chunkTop == 0 || base < chunkBase) {
            chunkBase = pages.allocate(CHUNK, CHUNK);
            chunkTop = chunkBase + CHUNK;
            mem.addRegion("kdump pages #" + (++chunks), chunkBase, CHUNK, owner, MemoryRoles.LIVE_KDUMP);
            pagesInUse += CHUNK;
            base = (chunkTop - size) & -align;
        }
        chunkTop = base;
        return base;
    }

    /** Bytes of the region in live use (segments, memblock and page-allocator chunks). */
    public long liveBytes() {
        return IMAGE_BYTES + INITRD_BYTES + SEGMENTS_BYTES + (pages == null ? 0
                : memmapBytes(crash.size()) + MEMBLOCK_EXTRA_BYTES + pagesInUse);
    }
}
