package dev.kdumpsim.pcie.config;

/**
 * Config-space register offsets and bits, under Linux's names (include/uapi/linux/pci_regs.h),
 * at the fixed capability offsets this model uses. Bit layouts live here and nowhere else.
 */
public final class PciRegs {

    private PciRegs() {
    }

    // ---- Type 0/1 common header (PCI Local Bus 3.0 §6.1; PCIe r4.0 §7.5.1)
    public static final int VENDOR_ID = 0x00;
    public static final int DEVICE_ID = 0x02;
    public static final int COMMAND = 0x04;
    public static final int COMMAND_IO = 0x1;
    /** Memory Space Enable. */
    public static final int COMMAND_MEMORY = 0x2;
    /** Bus Master Enable (PCIe r6.0 §7.5.1.1.3). */
    public static final int COMMAND_MASTER = 0x4;
    public static final int COMMAND_PARITY = 0x40;
    public static final int COMMAND_SERR = 0x100;
    public static final int COMMAND_INTX_DISABLE = 0x400;
    public static final int STATUS = 0x06;
    public static final int STATUS_CAP_LIST = 0x10;
    public static final int STATUS_SIG_TARGET_ABORT = 0x800;
    public static final int STATUS_REC_TARGET_ABORT = 0x1000;
    public static final int STATUS_REC_MASTER_ABORT = 0x2000;
    public static final int STATUS_SIG_SYSTEM_ERROR = 0x4000;
    public static final int STATUS_DETECTED_PARITY = 0x8000;
    /** Revision ID (PCIe r5.0 §7.5.1.1.6). */
    public static final int REVISION_ID = 0x08;
    /** Class Code, programming interface byte (§7.5.1.1.7). */
    public static final int CLASS_PROG = 0x09;
    /** Class Code, sub-class and base class (16 bits). */
    public static final int CLASS_DEVICE = 0x0a;
    public static final int HEADER_TYPE = 0x0e;
    public static final int HEADER_TYPE_MULTI_FUNCTION = 0x80;
    public static final int BASE_ADDRESS_0 = 0x10;
    public static final int BASE_ADDRESS_1 = 0x14;
    /** Subsystem Vendor ID / Subsystem ID, Type 0 only (§7.5.1.2.9). */
    public static final int SUBSYSTEM_VENDOR_ID = 0x2c;
    public static final int SUBSYSTEM_ID = 0x2e;
    public static final int CAPABILITY_LIST = 0x34;
    // Type 1 (bridge)
    public static final int PRIMARY_BUS = 0x18;
    public static final int SECONDARY_BUS = 0x19;
    public static final int SUBORDINATE_BUS = 0x1a;
    public static final int BRIDGE_CONTROL = 0x3e;
    /** Bridge Control SERR# Enable: forward ERR_* Messages from secondary to primary (PCIe r5.0 §7.5.1.3.13). */
    public static final int BRIDGE_CTL_SERR = 0x02;
    /** Secondary Bus Reset (PCI-to-PCI Bridge Arch 1.2 §3.2.5.18). */
    public static final int BRIDGE_CTL_BUS_RESET = 0x40;

    // ---- PCI Express capability (PCIe r4.0 §7.5.3), placed at 0x40
    public static final int EXP_CAP = 0x40;
    public static final int CAP_ID_EXP = 0x10;
    public static final int EXP_FLAGS = EXP_CAP + 0x02;
    public static final int EXP_DEVCAP = EXP_CAP + 0x04;
    /** DevCap Function Level Reset capability (bit 28). */
    public static final int EXP_DEVCAP_FLR = 0x10000000;
    public static final int EXP_DEVCTL = EXP_CAP + 0x08;
    /** DevCtl error reporting enables (PCIe r5.0 §7.5.3.4): Correctable, Non-Fatal, Fatal, Unsupported Request. */
    public static final int EXP_DEVCTL_CERE = 0x0001;
    public static final int EXP_DEVCTL_NFERE = 0x0002;
    public static final int EXP_DEVCTL_FERE = 0x0004;
    public static final int EXP_DEVCTL_URRE = 0x0008;
    /** All four reporting enables, as Linux's {@code pci_enable_pcie_error_reporting} and firmware set them. */
    public static final int EXP_DEVCTL_ERR_REPORTING = EXP_DEVCTL_CERE | EXP_DEVCTL_NFERE | EXP_DEVCTL_FERE | EXP_DEVCTL_URRE;
    /** DevCtl Bridge Config Retry Enable / Initiate Function Level Reset (bit 15). */
    public static final int EXP_DEVCTL_BCR_FLR = 0x8000;
    public static final int EXP_DEVSTA = EXP_CAP + 0x0a;
    /** DevSta Transactions Pending (bit 5). */
    public static final int EXP_DEVSTA_TRPND = 0x20;
    public static final int EXP_LNKCAP = EXP_CAP + 0x0c;
    /** LnkCap Data Link Layer Link Active Reporting Capable (bit 20). */
    public static final int EXP_LNKCAP_DLLLARC = 0x100000;
    public static final int EXP_LNKSTA = EXP_CAP + 0x12;
    /** LnkSta Data Link Layer Link Active (bit 13). */
    public static final int EXP_LNKSTA_DLLLA = 0x2000;
    /** Device Capabilities 2 (§7.5.3.15): Completion Timeout Ranges Supported [3:0]. */
    public static final int EXP_DEVCAP2 = EXP_CAP + 0x24;
    public static final int EXP_DEVCAP2_COMP_TMOUT_DIS = 0x10;
    /** Device Control 2 (§7.5.3.16): Completion Timeout Value [3:0], Completion Timeout Disable [4]. */
    public static final int EXP_DEVCTL2 = EXP_CAP + 0x28;
    public static final int EXP_DEVCTL2_COMP_TIMEOUT = 0x000f;
    public static final int EXP_DEVCTL2_COMP_TMOUT_DIS = 0x0010;
    /** Device/Port Type values in EXP_FLAGS[7:4]. */
    public static final int EXP_TYPE_ENDPOINT = 0x0;
    public static final int EXP_TYPE_ROOT_PORT = 0x4;
    public static final int EXP_TYPE_UPSTREAM = 0x5;
    public static final int EXP_TYPE_DOWNSTREAM = 0x6;

    // ---- AER extended capability (PCIe r4.0 §7.8.4), placed at 0x100
    public static final int AER_CAP = 0x100;
    public static final int EXT_CAP_ID_ERR = 0x0001;
    public static final int ERR_UNCOR_STATUS = AER_CAP + 0x04;
    public static final int ERR_UNCOR_MASK = AER_CAP + 0x08;
    public static final int ERR_UNCOR_SEVER = AER_CAP + 0x0c;
    public static final int ERR_COR_STATUS = AER_CAP + 0x10;
    public static final int ERR_COR_MASK = AER_CAP + 0x14;
    public static final int ERR_CAP = AER_CAP + 0x18;
    /** First Error Pointer, ERR_CAP[4:0]. */
    public static final int ERR_CAP_FEP_MASK = 0x1f;
    public static final int ERR_HEADER_LOG = AER_CAP + 0x1c;
    /** Root Error Command (PCIe r5.0 §7.8.4.9), Root Ports only: interrupt enables for COR, NONFATAL, FATAL. */
    public static final int ERR_ROOT_COMMAND = AER_CAP + 0x2c;
    public static final int ERR_ROOT_CMD_COR_EN = 0x1;
    public static final int ERR_ROOT_CMD_NONFATAL_EN = 0x2;
    public static final int ERR_ROOT_CMD_FATAL_EN = 0x4;
    /** All three: Linux's {@code ROOT_PORT_INTR_ON_MESG_MASK} (drivers/pci/pcie/aer.c). */
    public static final int ERR_ROOT_CMD_INTR_MASK = ERR_ROOT_CMD_COR_EN | ERR_ROOT_CMD_NONFATAL_EN | ERR_ROOT_CMD_FATAL_EN;
    /** Root Error Status (§7.8.4.10), RW1CS; Linux PCI_ERR_ROOT_* bit names. */
    public static final int ERR_ROOT_STATUS = AER_CAP + 0x30;
    public static final int ERR_ROOT_COR_RCV = 0x01;
    public static final int ERR_ROOT_MULTI_COR_RCV = 0x02;
    public static final int ERR_ROOT_UNCOR_RCV = 0x04;
    public static final int ERR_ROOT_MULTI_UNCOR_RCV = 0x08;
    public static final int ERR_ROOT_FIRST_FATAL = 0x10;
    public static final int ERR_ROOT_NONFATAL_RCV = 0x20;
    public static final int ERR_ROOT_FATAL_RCV = 0x40;
    /** Error Source Identification (§7.8.4.11), ROS: ERR_COR source [15:0], ERR_FATAL/NONFATAL source [31:16]. */
    public static final int ERR_ROOT_ERR_SRC = AER_CAP + 0x34;

    /** Size of the AER capability (Linux PCI_EXT_CAP_ERR_SIZEOF). */
    public static final int AER_SIZEOF = 0x48;

    // ---- Device Serial Number extended capability (§7.9.3), placed after AER at 0x150
    public static final int DSN_CAP = 0x150;
    public static final int EXT_CAP_ID_DSN = 0x0003;
    /** Serial Number Register lower DW (bits 31:0) and upper DW (bits 63:32). */
    public static final int DSN_LOWER = DSN_CAP + 0x04;
    public static final int DSN_UPPER = DSN_CAP + 0x08;

    // Uncorrectable error status bits (PCI_ERR_UNC_*)
    public static final int UNC_UND = 0;
    public static final int UNC_DLP = 4;
    public static final int UNC_SURPDN = 5;
    public static final int UNC_POISON_TLP = 12;
    public static final int UNC_FCP = 13;
    public static final int UNC_COMP_TIME = 14;
    public static final int UNC_COMP_ABORT = 15;
    public static final int UNC_UNX_COMP = 16;
    public static final int UNC_RX_OVER = 17;
    public static final int UNC_MALF_TLP = 18;
    public static final int UNC_ECRC = 19;
    public static final int UNC_UNSUP = 20;

    /** QEMU's PCI_ERR_UNC_SEVERITY_DEFAULT (include/hw/pci/pcie_regs.h), the r2.0+ default. */
    public static final int UNC_SEVERITY_DEFAULT = 0x00462030;
    /** The severity the 2018 report's device shows (bits 0, 4, 13, 17, 18): a PCIe-1.0a-style default. */
    public static final int UNC_SEVERITY_REPORT_2018 = 0x00062011;
    /** Bits whose Header Log is meaningful (Linux AER_LOG_TLP_MASKS, drivers/pci/pcie/aer.c). */
    public static final int AER_LOG_TLP_MASKS = (1 << UNC_POISON_TLP) | (1 << UNC_ECRC) | (1 << UNC_UNSUP)
            | (1 << UNC_COMP_ABORT) | (1 << UNC_UNX_COMP) | (1 << UNC_MALF_TLP);
}
