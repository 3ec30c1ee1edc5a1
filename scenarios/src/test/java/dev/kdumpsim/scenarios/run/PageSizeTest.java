package dev.kdumpsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.IovaGranule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kernels.*.pageSize: the kernel's PAGE_SIZE sets its DMA domains' granule and what arm-smmu-v3
 * sizes its queues by: 5.14-5.16's one-page event queue is PAGE_SIZE / 32 records (f115f3c0d5d8).
 */
class PageSizeTest {

    static final Path FILE = Path.of("src/test/resources/versions/report-2018-by-release.yaml");

    private static String log(String release, String pageSize) throws Exception {
        var s = ScenarioLoader.load(FILE, List.of("kernels.first.version=" + release, "kernels.kdump.version=" + release,
                "kernels.first.pageSize=" + pageSize, "kernels.kdump.pageSize=" + pageSize));
        return ScenarioRunner.run(s, "page-size").kernelLog();
    }

    @Test
    void aOnePageEventQueueIsAsLargeAsThePage() throws Exception {
        assertTrue(log("5.15.0", "4KiB").contains("allocated 128 entries for evtq"));
        assertTrue(log("5.15.0", "64KiB").contains("allocated 2048 entries for evtq"));
    }

    @Test
    void pageSizeSetsTheIovaGranule() throws Exception {
        var s = ScenarioLoader.load(FILE, List.of("kernels.kdump.pageSize=64KiB"));
        assertEquals(IovaGranule.G64K, s.kernels().kdump().iovaGranule());
        assertEquals(IovaGranule.G4K, s.kernels().first().iovaGranule(), "absent: the iovaGranule (default 4KiB)");
    }
}
