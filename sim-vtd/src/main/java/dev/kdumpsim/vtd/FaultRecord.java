package dev.kdumpsim.vtd;

/**
 * One fault recording register (FRCD_REG, VT-d 10.4.14) decoded as Linux's {@code dmar_fault}
 * reads it: the upper dword gives F, T and FR, the third dword SID, the lower quadword FI.
 *
 * @param fault F: the record holds an unserviced fault
 * @param read T: 1 for a read request, 0 for a write (interrupt requests are writes)
 * @param reason FR, a {@link FaultReason} code
 * @param sourceId SID: requester-id
 * @param faultInfo FI: the faulting page address (bits 63:12) of a DMA fault
 */
public record FaultRecord(boolean fault, boolean read, int reason, int sourceId, long faultInfo) {

    public static FaultRecord decode(long lo, long hi) {
        return new FaultRecord((hi & VtdRegisters.FRCD_F) != 0, (hi & VtdRegisters.FRCD_T) != 0,
                (int) ((hi >>> VtdRegisters.FRCD_FR_SHIFT) & 0xff), (int) (hi & 0xffff), lo & ~0xfffL);
    }

    /** The interrupt index of an interrupt-remapping fault, FI[63:48] (Linux prints "fault index"). */
    public int interruptIndex() {
        return (int) (faultInfo >>> 48);
    }

    /** Whether this is an interrupt-remapping fault (Linux's INTR_REMAP type). */
    public boolean interruptRemapping() {
        return FaultReason.isInterruptRemapping(reason);
    }
}
