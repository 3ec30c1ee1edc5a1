package dev.kdumpsim.vtd;

/**
 * Fault reason codes recorded in FRCD_REG.FR (VT-d spec chapter 7, "Address Translation Faults":
 * the legacy-mode table 0h-Dh, the interrupt-remapping conditions 20h-26h of 5.1.4.1, and the
 * scalable-mode conditions 30h+ named SRT.x/SCT.x/SPD.x/SPT.x/SSL.x/SGN.x), with the text Linux
 * prints for each ({@code drivers/iommu/intel/dmar.c}: {@code dma_remap_fault_reasons},
 * {@code irq_remap_fault_reasons}, {@code dma_remap_sm_fault_reasons}, looked up by
 * {@code dmar_get_fault_reason}).
 *
 * <p>Only codes this model can raise are defined. Memory never fails a read here, so the
 * "error accessing" conditions (7h-9h, 23h, 38h, 40h, 50h, 58h, 78h) do not occur.
 *
 * <p>A fault is <em>qualified</em> when its reporting is suppressed by a Fault Processing
 * Disable (FPD) bit of an entry the walk already read (7.1.x "qualified faults"): conditions in
 * the root entry, and reserved-field errors in the context entry that holds FPD, are never
 * qualified (as QEMU's {@code vtd_qualified_faults}); a not-present context, PASID or IRTE entry
 * is qualified, because FPD is evaluated even when P is 0 (9.3, 9.4, 9.10).
 */
public final class FaultReason {

    private FaultReason() {
    }

    // legacy-mode DMA remapping (7.x, table of non-recoverable fault reasons)
    public static final int ROOT_ENTRY_NOT_PRESENT = 0x1;
    public static final int CONTEXT_ENTRY_NOT_PRESENT = 0x2;
    public static final int INVALID_CONTEXT_ENTRY = 0x3;
    public static final int ADDRESS_BEYOND_MGAW = 0x4;
    public static final int WRITE_ACCESS_DENIED = 0x5;
    public static final int READ_ACCESS_DENIED = 0x6;
    public static final int ROOT_ENTRY_RESERVED = 0xa;
    public static final int CONTEXT_ENTRY_RESERVED = 0xb;
    public static final int PAGING_ENTRY_RESERVED = 0xc;

    // interrupt remapping (5.1.4.1)
    public static final int IR_REQUEST_RESERVED = 0x20;
    public static final int IR_INDEX_BEYOND_TABLE = 0x21;
    public static final int IRTE_NOT_PRESENT = 0x22;
    public static final int IRTE_RESERVED = 0x24;
    public static final int IR_COMPATIBILITY_BLOCKED = 0x25;
    public static final int IR_SOURCE_ID_INVALID = 0x26;

    // scalable mode (7.x scalable-mode fault conditions)
    /** The model's reading for TTM 10b/11b or TTM 01b without ECAP.SMTS (SRTA condition). */
    public static final int SM_INVALID_ROOT_TABLE_ADDRESS = 0x30;
    public static final int SM_ROOT_ENTRY_NOT_PRESENT = 0x39;       // SRT.2
    public static final int SM_ROOT_ENTRY_RESERVED = 0x3a;          // SRT.3
    public static final int SM_CONTEXT_ENTRY_NOT_PRESENT = 0x41;    // SCT.2
    public static final int SM_CONTEXT_ENTRY_RESERVED = 0x42;       // SCT.3
    public static final int SM_INVALID_CONTEXT_ENTRY = 0x43;        // SCT.4
    public static final int SM_RID_PASID_ERROR = 0x48;              // SCT.9
    public static final int SM_PASID_DIR_ENTRY_NOT_PRESENT = 0x51;  // SPD.2
    public static final int SM_PASID_DIR_ENTRY_RESERVED = 0x52;     // SPD.3
    public static final int SM_PASID_ENTRY_NOT_PRESENT = 0x59;      // SPT.2
    public static final int SM_PASID_ENTRY_RESERVED = 0x5a;         // SPT.3
    public static final int SM_INVALID_PASID_ENTRY = 0x5b;          // SPT.4
    public static final int SM_SL_ENTRY_RESERVED = 0x7a;            // SSL.3
    public static final int SM_ADDRESS_BEYOND_MAX = 0x83;           // SGN.4
    public static final int SM_WRITE_ACCESS_DENIED = 0x85;          // SGN.6
    public static final int SM_READ_ACCESS_DENIED = 0x86;           // SGN.7

    private static final int[] MODELLED = {
        ROOT_ENTRY_NOT_PRESENT, CONTEXT_ENTRY_NOT_PRESENT, INVALID_CONTEXT_ENTRY, ADDRESS_BEYOND_MGAW,
        WRITE_ACCESS_DENIED, READ_ACCESS_DENIED, ROOT_ENTRY_RESERVED, CONTEXT_ENTRY_RESERVED,
        PAGING_ENTRY_RESERVED, IR_REQUEST_RESERVED, IR_INDEX_BEYOND_TABLE, IRTE_NOT_PRESENT, IRTE_RESERVED,
        IR_COMPATIBILITY_BLOCKED, IR_SOURCE_ID_INVALID, SM_INVALID_ROOT_TABLE_ADDRESS, SM_ROOT_ENTRY_NOT_PRESENT,
        SM_ROOT_ENTRY_RESERVED, SM_CONTEXT_ENTRY_NOT_PRESENT, SM_CONTEXT_ENTRY_RESERVED, SM_INVALID_CONTEXT_ENTRY,
        SM_RID_PASID_ERROR, SM_PASID_DIR_ENTRY_NOT_PRESENT, SM_PASID_DIR_ENTRY_RESERVED, SM_PASID_ENTRY_NOT_PRESENT,
        SM_PASID_ENTRY_RESERVED, SM_INVALID_PASID_ENTRY, SM_SL_ENTRY_RESERVED, SM_ADDRESS_BEYOND_MAX,
        SM_WRITE_ACCESS_DENIED, SM_READ_ACCESS_DENIED,
    };

    /** Every code the model raises, ascending (for tables in docs and tests); a fresh copy. */
    public static int[] modelled() {
        return MODELLED.clone();
    }

    /** The text Linux prints after "[fault reason 0x%02x]" for {@code code}; "Unknown" otherwise. */
    public static String linuxName(int code) {
        switch (code) {
            case ROOT_ENTRY_NOT_PRESENT: return "Present bit in root entry is clear";
            case CONTEXT_ENTRY_NOT_PRESENT: return "Present bit in context entry is clear";
            case INVALID_CONTEXT_ENTRY: return "Invalid context entry";
            case ADDRESS_BEYOND_MGAW: return "Access beyond MGAW";
            case WRITE_ACCESS_DENIED: return "PTE Write access is not set";
            case READ_ACCESS_DENIED: return "PTE Read access is not set";
            case ROOT_ENTRY_RESERVED: return "non-zero reserved fields in RTP";
            case CONTEXT_ENTRY_RESERVED: return "non-zero reserved fields in CTP";
            case PAGING_ENTRY_RESERVED: return "non-zero reserved fields in PTE";
            case IR_REQUEST_RESERVED: return "Detected reserved fields in the decoded interrupt-remapped request";
            case IR_INDEX_BEYOND_TABLE: return "Interrupt index exceeded the interrupt-remapping table size";
            case IRTE_NOT_PRESENT: return "Present field in the IRTE entry is clear";
            case IRTE_RESERVED: return "Detected reserved fields in the IRTE entry";
            case IR_COMPATIBILITY_BLOCKED: return "Blocked a compatibility format interrupt request";
            case IR_SOURCE_ID_INVALID: return "Blocked an interrupt request due to source-id verification failure";
            case SM_INVALID_ROOT_TABLE_ADDRESS: return "SM: Invalid Root Table Address";
            case SM_ROOT_ENTRY_NOT_PRESENT: return "SM: Present bit in Root Entry is clear";
            case SM_ROOT_ENTRY_RESERVED: return "SM: Non-zero reserved field set in Root Entry";
            case SM_CONTEXT_ENTRY_NOT_PRESENT: return "SM: Present bit in Context Entry is clear";
            case SM_CONTEXT_ENTRY_RESERVED: return "SM: Non-zero reserved field set in the Context Entry";
            case SM_INVALID_CONTEXT_ENTRY: return "SM: Invalid Context Entry";
            case SM_RID_PASID_ERROR: return "SM: RID_PASID field error in Context-Entry";
            case SM_PASID_DIR_ENTRY_NOT_PRESENT: return "SM: Present bit in Directory Entry is clear";
            case SM_PASID_DIR_ENTRY_RESERVED: return "SM: Non-zero reserved field set in PASID Directory Entry";
            case SM_PASID_ENTRY_NOT_PRESENT: return "SM: Present bit in PASID Table Entry is clear";
            case SM_PASID_ENTRY_RESERVED: return "SM: Non-zero reserved field set in PASID Table Entry";
            case SM_INVALID_PASID_ENTRY: return "SM: Invalid Scalable-Mode PASID Table Entry";
            case SM_SL_ENTRY_RESERVED: return "SM: Non-zero reserved field set in second-level paging entry";
            case SM_ADDRESS_BEYOND_MAX: return "SM: Address beyond the DMA hardware max";
            case SM_WRITE_ACCESS_DENIED: return "SM: No write permission for Write/AtomicOp request";
            case SM_READ_ACCESS_DENIED: return "SM: No read permission for Read/AtomicOp request";
            default: return "Unknown";
        }
    }

    /** Whether an FPD bit read before the fault suppresses recording it. */
    public static boolean isQualified(int code) {
        switch (code) {
            case ROOT_ENTRY_NOT_PRESENT:
            case ROOT_ENTRY_RESERVED:
            case CONTEXT_ENTRY_RESERVED:
            case IR_REQUEST_RESERVED:
            case IR_INDEX_BEYOND_TABLE:
            case IR_COMPATIBILITY_BLOCKED:
            case SM_INVALID_ROOT_TABLE_ADDRESS:
            case SM_ROOT_ENTRY_NOT_PRESENT:
            case SM_ROOT_ENTRY_RESERVED:
            case SM_CONTEXT_ENTRY_RESERVED:
                return false;
            default:
                return true;
        }
    }

    /** Whether {@code code} is an interrupt-remapping fault (Linux's INTR_REMAP fault type). */
    public static boolean isInterruptRemapping(int code) {
        return code >= 0x20 && code < 0x30;
    }
}
