package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.error.ScenarioException;

/**
 * One file of lspci output ({@code -tv}, {@code -nn}, {@code -vvv}, or several of them
 * concatenated): each line goes to the tree reader or the listing reader. A file in which
 * neither recognises a single line is not lspci output: a located error at its first line.
 */
final class LspciFile {

    private LspciFile() {
    }

    static void read(String file, String text, Facts facts) throws ScenarioException {
        LspciTree tree = new LspciTree();
        LspciListing listing = new LspciListing();
        String[] lines = text.split("\r?\n|\r", -1);
        int recognised = 0;
        int firstText = 0;
        String shortName = new LogLine(file, 0, java.util.Optional.empty(), "", 0).where().replaceFirst(":0$", ""); // comments name the file, not its directory
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            if (firstText == 0) {
                firstText = i + 1;
            }
            boolean isTree = line.contains("-[") || line.startsWith("+-") || line.contains("+-") || line.contains("\\-");
            if (isTree ? tree.read(shortName, i + 1, line, facts) : listing.read(shortName, i + 1, line, facts)) {
                recognised++;
            }
        }
        if (recognised == 0) {
            throw new ScenarioException(file, Math.max(1, firstText), 1, "not lspci output: no line reads as 'lspci -tv', 'lspci -nn' or 'lspci -vvv'",
                    "expected e.g. '01:00.0 Ethernet controller [0200]: Intel Corporation ... [8086:10c9]' or '-[0000:00]-+-01.0-[01]----00.0'");
        }
    }
}
