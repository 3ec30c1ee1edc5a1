package dev.kdumpsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends:}: merge semantics, errors located in the file they come from, cycles, depth, --set after the merge. */
class ExtendsTest {

    static final String MACHINE = """
            platform:
              smmu: {oasBits: 44, sidSizeBits: 16}
              pcie:
                topology:
                  rootPorts:
                    - bdf: "00:00.0"
                    - bdf: "00:01.0"
                  endpoints:
                    - {bdf: "01:00.0", port: "00:00.0"}
                    - {bdf: "02:00.0", port: "00:01.0"}
            kernels:
              first:
                cmdline: "crashkernel=512M"
                drivers:
                  - device: "01:00.0"
              kdump:
                cmdline: "reset_devices"
            timeline:
              - {at: 10s, action: panic}
              - {at: 20s, clock: kdump, action: run-until}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private ScenarioException error(Path file, String... sets) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(sets)));
    }

    @Test
    void mappingsMergeKeyByKeyListsAreReplacedAndTheExtendingFileWins() throws Exception {
        write("base/machine.yaml", MACHINE);
        Path f = write("child.yaml", """
                extends: base/machine.yaml
                name: child
                platform:
                  smmu: {oasBits: 48}
                kernels:
                  first:
                    drivers:
                      - device: "02:00.0"
                """);
        Scenario s = ScenarioLoader.load(f);
        assertEquals("child", s.name());
        assertEquals(48, s.platform().smmu().oasBits(), "the extending file's value wins");
        assertEquals(16, s.platform().smmu().sidSizeBits(), "keys the extending file leaves out come from the base");
        assertEquals("crashkernel=512M", s.kernels().first().cmdline(), "sibling keys of a merged mapping survive");
        assertEquals(1, s.kernels().first().drivers().size(), "a list is replaced, not appended to");
        assertEquals("02:00.0", s.kernels().first().drivers().get(0).device().toString());
        assertEquals(2, s.timeline().size());
    }

    @Test
    void theMergedScenarioIsTheScenarioWrittenOut() throws Exception {
        write("base.yaml", MACHINE);
        Path child = write("child.yaml", "extends: base.yaml\nname: t\n");
        Scenario merged = ScenarioLoader.load(child);
        Scenario whole = ScenarioLoader.parse("whole.yaml", "name: t\n" + MACHINE, List.of());
        assertEquals(whole, merged);
    }

    @Test
    void chainsApplyNearestLast() throws Exception {
        write("a.yaml", MACHINE);
        write("b.yaml", "extends: a.yaml\nplatform: {smmu: {oasBits: 40}}\nseed: 5\n");
        Path c = write("c.yaml", "extends: b.yaml\nname: c\nseed: 6\n");
        Scenario s = ScenarioLoader.load(c);
        assertEquals(40, s.platform().smmu().oasBits());
        assertEquals(6, s.seed());
    }

    @Test
    void aBadValueInTheBaseIsLocatedInTheBase() throws Exception {
        write("base/machine.yaml", MACHINE.replace("oasBits: 44", "oasBits: lots"));
        Path f = write("child.yaml", "extends: base/machine.yaml\nname: t\n");
        ScenarioException e = error(f);
        assertEquals(dir.resolve("base/machine.yaml").toString(), e.file(), e.format());
        assertEquals(2, e.line(), e.format());
        assertEquals(19, e.column(), e.format());
    }

    @Test
    void aSyntaxErrorInTheBaseIsLocatedInTheBase() throws Exception {
        write("base.yaml", "platform: {smmu: [\n");
        ScenarioException e = error(write("child.yaml", "name: t\nextends: base.yaml\n"));
        assertEquals(dir.resolve("base.yaml").toString(), e.file(), e.format());
        assertTrue(e.format().contains("YAML syntax"), e.format());
    }

    @Test
    void anUnknownKeyInTheBaseIsLocatedInTheBaseAndOneInTheChildInTheChild() throws Exception {
        write("base.yaml", MACHINE + "colour: red\n");
        ScenarioException e = error(write("child.yaml", "extends: base.yaml\nname: t\n"));
        assertEquals(dir.resolve("base.yaml").toString() + ":21:1", e.file() + ":" + e.line() + ":" + e.column(), e.format());
        write("base.yaml", MACHINE);
        e = error(write("child.yaml", "extends: base.yaml\nname: t\nplatform: {smmu: {oasBitz: 4}}\n"));
        assertEquals(dir.resolve("child.yaml").toString() + ":3:19", e.file() + ":" + e.line() + ":" + e.column(), e.format());
    }

    @Test
    void aDuplicateKeyInTheBaseIsStillReportedWhereItIs() throws Exception {
        write("base.yaml", MACHINE + "seed: 1\nseed: 2\n");
        ScenarioException e = error(write("child.yaml", "extends: base.yaml\nname: t\nseed: 3\n"));
        assertEquals(dir.resolve("base.yaml").toString(), e.file(), e.format());
        assertEquals(22, e.line(), e.format());
        assertTrue(e.problem().contains("duplicate key 'seed'"), e.format());
    }

    @Test
    void aCycleIsALocatedError() throws Exception {
        write("a.yaml", "extends: b.yaml\nname: a\n");
        write("b.yaml", "extends: a.yaml\n");
        ScenarioException e = error(dir.resolve("a.yaml"));
        assertEquals(dir.resolve("b.yaml").toString() + ":1:10", e.file() + ":" + e.line() + ":" + e.column(), e.format());
        assertTrue(e.problem().contains("extends cycle: a.yaml -> b.yaml -> a.yaml"), e.format());
    }

    @Test
    void aFileExtendingItselfIsACycle() throws Exception {
        ScenarioException e = error(write("self.yaml", "extends: ./self.yaml\nname: s\n"));
        assertTrue(e.problem().contains("extends cycle"), e.format());
        assertEquals(1, e.line());
    }

    @Test
    void eightBasesLoadANinthIsALocatedError() throws Exception {
        write("b8.yaml", MACHINE);
        for (int i = 7; i >= 1; i--) {
            write("b" + i + ".yaml", "extends: b" + (i + 1) + ".yaml\n");
        }
        Path top = write("top.yaml", "extends: b1.yaml\nname: top\n");
        assertEquals("top", ScenarioLoader.load(top).name(), "a chain of 8 bases is allowed");
        write("b8.yaml", "extends: b9.yaml\n");
        write("b9.yaml", MACHINE);
        ScenarioException e = error(top);
        assertEquals(dir.resolve("b8.yaml").toString() + ":1:10", e.file() + ":" + e.line() + ":" + e.column(), e.format());
        assertTrue(e.problem().contains("deeper than 8"), e.format());
    }

    @Test
    void aMissingBaseIsLocatedAtTheExtendsValue() throws Exception {
        ScenarioException e = error(write("child.yaml", "name: t\nextends: nowhere/base.yaml\n"));
        assertEquals(dir.resolve("child.yaml").toString() + ":2:10", e.file() + ":" + e.line() + ":" + e.column(), e.format());
        assertTrue(e.problem().contains("does not exist"), e.format());
        assertTrue(e.format().contains("relative to this file"), e.format());
    }

    @Test
    void anAbsolutePathADirectoryAndANonStringAreLocatedErrors() throws Exception {
        write("base.yaml", MACHINE);
        ScenarioException abs = error(write("a.yaml", "extends: " + dir.resolve("base.yaml") + "\nname: t\n"));
        assertTrue(abs.problem().contains("not a relative path"), abs.format());
        Files.createDirectories(dir.resolve("sub"));
        ScenarioException directory = error(write("d.yaml", "extends: sub\nname: t\n"));
        assertTrue(directory.problem().contains("not a regular file"), directory.format());
        ScenarioException list = error(write("l.yaml", "extends: [base.yaml]\nname: t\n"));
        assertEquals(1, list.line());
        assertTrue(list.problem().contains("expected a file name"), list.format());
        ScenarioException twice = error(write("t.yaml", "extends: base.yaml\nextends: base.yaml\nname: t\n"));
        assertEquals(2, twice.line());
    }

    @Test
    void extendsInANestedMappingIsAnUnknownKey() throws Exception {
        write("base.yaml", MACHINE);
        ScenarioException e = error(write("c.yaml", "extends: base.yaml\nname: t\nplatform:\n  extends: base.yaml\n"));
        assertTrue(e.problem().contains("unknown key 'extends'"), e.format());
        assertEquals(4, e.line());
    }

    @Test
    void setAppliesAfterTheMerge() throws Exception {
        write("base.yaml", MACHINE);
        Path child = write("child.yaml", "extends: base.yaml\nname: t\nplatform: {smmu: {oasBits: 48}}\n");
        Scenario s = ScenarioLoader.load(child, List.of("platform.smmu.oasBits=40", "kernels.first.drivers[0].device=02:00.0"));
        assertEquals(40, s.platform().smmu().oasBits(), "--set wins over both files");
        assertEquals("02:00.0", s.kernels().first().drivers().get(0).device().toString(), "--set reaches lists the base wrote");
        ScenarioException e = error(child, "platform.smmu.oasBits=lots");
        assertTrue(e.format().startsWith("--set platform.smmu.oasBits: "), e.format());
    }

    @Test
    void textParsedUnderAFileNameResolvesTheBaseNextToIt() throws Exception {
        write("base.yaml", MACHINE);
        Scenario s = ScenarioLoader.parse(dir.resolve("virtual.yaml").toString(), "extends: base.yaml\nname: v\n", List.of());
        assertEquals("v", s.name());
    }
}
