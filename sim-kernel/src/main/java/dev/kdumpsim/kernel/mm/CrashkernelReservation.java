package dev.kdumpsim.kernel.mm;

import dev.kdumpsim.kernel.api.KernelApi;
import dev.kdumpsim.core.AddressRange;

/**
 * What {@code reserve_crashkernel()} did.
 *
 * @param range  the reserved range ({@code crashk_res}), or null when nothing was reserved
 * @param reason why nothing was reserved ("" when reserved): the kernel's warning or a note
 */
@KernelApi
public record CrashkernelReservation(AddressRange range, String reason) {

    public boolean reserved() {
        return range != null;
    }

    static CrashkernelReservation none(String reason) {
        return new CrashkernelReservation(null, reason);
    }
}
