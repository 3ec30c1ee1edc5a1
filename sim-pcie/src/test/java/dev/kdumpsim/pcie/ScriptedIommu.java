package dev.kdumpsim.pcie;

import dev.kdumpsim.core.Iommu;
import dev.kdumpsim.core.Translation;

/** Test IOMMU: translate (IOVA + offset), bypass, or abort, switchable; records the last StreamID. */
final class ScriptedIommu implements Iommu {
    enum Mode { TRANSLATE, BYPASS, ABORT_EVENT, ABORT_SILENT }

    Mode mode = Mode.TRANSLATE;
    long offset = 0;
    int lastStreamId = -1;
    int calls;

    @Override
    public Translation translate(int streamId, long address, boolean write, int size, Translation out) {
        lastStreamId = streamId;
        calls++;
        switch (mode) {
            case TRANSLATE: return out.translated(address + offset, 10);
            case BYPASS: return out.bypassed(address, 0);
            case ABORT_EVENT: return out.aborted(0x02, true, 10);
            default: return out.aborted(0x02, false, 10);
        }
    }
}
