package dev.kdumpsim.scenarios.importer;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --from-mail}: a saved mail or mbox (RFC 5322 header blocks, mbox {@code From } lines)
 * with the log in its body. Each header block (at the start of the file or after an mbox
 * {@code From } line: {@code Name: value} lines and their indented continuations, up to the
 * first empty line) is blanked, line for line, so line numbers stay those of the file; the
 * Message-IDs are kept to cite the report in the scenario's comments.
 */
final class MailHeaders {

    private static final Pattern HEADER = Pattern.compile("^[!-9;-~]{1,76}:(?:[ \\t]|$)");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?i)^message-id:\\s*(<[^>\\s]{1,250}>)");

    /** The text without its header blocks, and the Message-IDs they held. */
    record Stripped(String text, List<String> messageIds) {
    }

    private MailHeaders() {
    }

    static Stripped strip(String text) {
        String[] lines = text.split("\n", -1);
        List<String> ids = new ArrayList<>();
        boolean inHeaders = true; // a mail starts with its headers
        boolean sawHeader = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (l.startsWith("From ") && (i == 0 || lines[i - 1].isBlank())) {
                lines[i] = "";
                inHeaders = true;
                sawHeader = false;
                continue;
            }
            if (!inHeaders) {
                continue;
            }
            boolean header = HEADER.matcher(l).find();
            boolean continuation = sawHeader && !l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t');
            if (header || continuation) {
                Matcher id = MESSAGE_ID.matcher(l);
                if (id.find() && ids.size() < 16) {
                    ids.add(id.group(1));
                }
                lines[i] = "";
                sawHeader = true;
            } else {
                inHeaders = false; // the empty line after the headers, or a body without headers
            }
        }
        return new Stripped(String.join("\n", lines), List.copyOf(ids));
    }
}
