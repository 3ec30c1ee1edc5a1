package dev.kdumpsim.scenarios.importer;

import dev.kdumpsim.scenarios.error.ScenarioException;
import dev.kdumpsim.scenarios.load.ScenarioLoader;
import dev.kdumpsim.scenarios.model.Scenario;
import dev.kdumpsim.scenarios.run.MachineAssembler;
import dev.kdumpsim.scenarios.value.Bdf;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kdumpsim import}: console logs (and lspci output) to a scenario. The logs become
 * {@link LogLine}s ({@link ConsoleLines}), every {@link Rule} reads every line into
 * {@link Facts}, lspci files add topology, IDs and capabilities ({@link LspciFile}), and
 * {@link ScenarioYaml} writes the scenario. The text is loaded and assembled before it is
 * returned: an import that does not load is a bug (an {@link IllegalStateException}), never a
 * file written. A kernel release the model does not know is left out (and said so).
 */
public final class LogImport {

    /** The written scenario, what it was read from, and what was assumed. */
    public record Result(String yaml, Scenario scenario, Facts facts, List<LogLine> lines, List<String> assumptions) {
    }

    private LogImport() {
    }

    /** Reads the files (within {@link LogText}'s bounds) and imports them. */
    public static Result run(List<Path> logs, List<Path> lspci, String outLabel) throws ScenarioException {
        return run(logs, lspci, outLabel, false);
    }

    /** As {@link #run(List, List, String)}; {@code fromMail}: the logs are saved mails, their header blocks skipped ({@link MailHeaders}). */
    public static Result run(List<Path> logs, List<Path> lspci, String outLabel, boolean fromMail) throws ScenarioException {
        Map<String, String> logTexts = new LinkedHashMap<>();
        for (Path p : logs) {
            logTexts.put(p.toString(), LogText.read(p));
        }
        Map<String, String> lspciTexts = new LinkedHashMap<>();
        for (Path p : lspci) {
            lspciTexts.put(p.toString(), LogText.read(p));
        }
        return fromText(logTexts, lspciTexts, outLabel, fromMail);
    }

    /** Imports texts already read: file name to text, in order. */
    public static Result fromText(Map<String, String> logs, Map<String, String> lspci, String outLabel) throws ScenarioException {
        return fromText(logs, lspci, outLabel, false);
    }

    /** Imports texts already read; {@code fromMail}: skip each text's mail header blocks. */
    public static Result fromText(Map<String, String> logs, Map<String, String> lspci, String outLabel, boolean fromMail) throws ScenarioException {
        List<LogLine> lines = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        for (Map.Entry<String, String> in : logs.entrySet()) {
            LogText.check(in.getKey(), in.getValue());
            var e = Map.entry(in.getKey(), in.getValue());
            if (fromMail) {
                MailHeaders.Stripped m = MailHeaders.strip(in.getValue());
                messageIds.addAll(m.messageIds());
                e = Map.entry(in.getKey(), m.text());
            }
            int next = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).kernel(); // a second file continues the last kernel unless its own banner starts the next
            lines.addAll(ConsoleLines.split(e.getKey(), e.getValue(), next));
        }
        Facts facts = new Facts();
        List<Rule> rules = Rules.fresh();
        for (LogLine l : lines) {
            for (Rule r : rules) {
                r.apply(l, facts);
            }
            facts.lastKernel = Math.max(facts.lastKernel, l.kernel());
            if (l.seconds() >= 0) {
                facts.lastSeconds.merge(l.kernel(), l.seconds(), Math::max);
            }
        }
        for (Map.Entry<String, String> e : lspci.entrySet()) {
            LogText.check(e.getKey(), e.getValue());
            LspciFile.read(e.getKey(), e.getValue(), facts);
        }
        devicesOfEvents(facts);
        PresetMatch presets = PresetMatch.bundled();
        List<String> sources = new ArrayList<>(logs.keySet().stream().map(LogImport::fileName).toList());
        lspci.keySet().forEach(k -> sources.add(fileName(k)));
        String name = name(logs.keySet().iterator().next());
        messageIds.forEach(id -> sources.add("Message-ID " + id));
        sources.replaceAll(x -> x.replaceAll("\\p{Cntrl}", "?")); // a file name is written into comments and a folded scalar
        ScenarioYaml yaml = new ScenarioYaml(facts, new ImportTopology(facts, presets), sources, true);
        String text = yaml.write(name);
        Scenario s;
        try {
            s = load(outLabel, text);
        } catch (ScenarioException e) {
            if (!e.problem().contains("version") && !e.problem().contains("release")) {
                throw new IllegalStateException("kdumpsim import wrote a scenario that does not load: " + e.format() + "\n" + text);
            }
            yaml = new ScenarioYaml(facts, new ImportTopology(facts, presets), sources, false);
            text = yaml.write(name);
            text = text.replace("# Not in the input (assumed instead):\n", "# Not in the input (assumed instead):\n#   - kernels.*.version: the log's release is one the model does not know ("
                    + e.problem().replace('\n', ' ') + "): left out\n");
            try {
                s = load(outLabel, text);
            } catch (ScenarioException again) {
                throw new IllegalStateException("kdumpsim import wrote a scenario that does not load: " + again.format() + "\n" + text);
            }
        }
        return new Result(text, s, facts, List.copyOf(lines), yaml.assumptions());
    }

    private static Scenario load(String label, String text) throws ScenarioException {
        Scenario s = ScenarioLoader.parse(label, text, List.of());
        MachineAssembler.assemble(s);
        return s;
    }

    /** An event's StreamID names a function the log does not otherwise name: with StreamID = requester ID, it is that function. */
    private static void devicesOfEvents(Facts facts) {
        for (SmmuEvent e : facts.events) {
            long sid = e.streamId();
            if (sid < 0 || sid > 0xffff || sid < 0x100) {
                continue; // bus 0 is the root complex's own
            }
            Bdf b = new Bdf(0, (int) (sid >> 8), (int) (sid >> 3) & 0x1f, (int) sid & 7);
            if (facts.devices.keySet().stream().noneMatch(d -> d.requesterId() == sid)) {
                facts.device(b, e.header().where());
            }
        }
    }

    private static String fileName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }

    /** {@code imported-} and the first log's file name as [a-z0-9-]. */
    static String name(String path) {
        String base = fileName(path).toLowerCase(Locale.ROOT).replaceAll("\\.(log|txt|dmesg|eml|mbox)$", "");
        String slug = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return "imported" + (slug.isEmpty() ? "" : "-" + slug);
    }
}
