package dev.kdumpsim.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoShardTest {

    @Test
    void gitlabParallelIsOneBased() {
        assertEquals("3/4", AutoShard.resolve("auto", Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "4")));
    }

    @Test
    void kubernetesIndexedJobsAreZeroBasedAndNeedTheCount() {
        assertEquals("1/8", AutoShard.resolve("auto/8", Map.of("JOB_COMPLETION_INDEX", "0")));
        assertEquals("8/8", AutoShard.resolve("auto/8", Map.of("JOB_COMPLETION_INDEX", "7")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AutoShard.resolve("auto", Map.of("JOB_COMPLETION_INDEX", "0")));
        assertTrue(e.getMessage().contains("auto/N"), e.getMessage());
    }

    @Test
    void slurmArraysCountFromTheirMinimum() {
        assertEquals("1/5", AutoShard.resolve("auto", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "5")));
        assertEquals("2/5", AutoShard.resolve("auto",
                Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "5")));
    }

    @Test
    void noEngineOrTwoEnginesIsAClearError() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AutoShard.resolve("auto", Map.of()))
                .getMessage().contains("give --shard K/N"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AutoShard.resolve("auto",
                Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "2", "SLURM_ARRAY_TASK_ID", "0",
                        "SLURM_ARRAY_TASK_COUNT", "2"))).getMessage().contains("ambiguous"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AutoShard.resolve("auto",
                Map.of("CI_NODE_INDEX", "x", "CI_NODE_TOTAL", "2"))).getMessage().contains("not a whole number"));
    }

    @Test
    void anIndexPastTheCountIsRefusedByTheShardParser() {
        String s = AutoShard.resolve("auto", Map.of("CI_NODE_INDEX", "5", "CI_NODE_TOTAL", "4"));
        assertThrows(IllegalArgumentException.class, () -> dev.kdumpsim.scenarios.sweep.Shard.parse(s));
    }
}
