package dev.kdumpsim.scenarios.sweep;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sweep's {@code report.html}: the summary.md page as one self-contained HTML page (works
 * offline: no script, no fetch), each plot inlined as its SVG, so the tables, the heatmap, the
 * per-policy charts and every failure with its rerun command are in one file a browser opens.
 * It renders the subset of Markdown {@link SummaryMarkdown} writes: headings, paragraphs, pipe
 * tables, bullet lists, images, {@code `code`} and {@code **bold**}.
 */
final class SweepHtml {

    private static final Pattern IMAGE = Pattern.compile("^!\\[[^\\]]*\\]\\(([^)]+)\\)$");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1200px;color:#222}"
            + "table{border-collapse:collapse;margin:8px 0 16px;font-size:12px}th,td{border:1px solid #ccc;padding:3px 6px;"
            + "text-align:left}th{background:#f3f3f3}code{background:#f5f5f5;padding:0 3px}h1{font-size:22px}"
            + "h2{font-size:18px;margin-top:28px}figure{margin:12px 0}figure svg{max-width:100%;height:auto}";

    private SweepHtml() {
    }

    /** The page; {@code plots} maps file names (both .png and .svg) to their bytes. */
    static String render(String summaryMarkdown, Map<String, byte[]> plots) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        String[] lines = summaryMarkdown.split("\n", -1);
        String title = lines.length > 0 && lines[0].startsWith("# ") ? lines[0].substring(2) : "Sweep";
        b.append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        boolean inTable = false;
        boolean inList = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (inTable && !line.startsWith("|")) {
                b.append("</table>\n");
                inTable = false;
            }
            if (inList && !line.startsWith("- ")) {
                b.append("</ul>\n");
                inList = false;
            }
            if (line.startsWith("|")) {
                boolean header = !inTable;
                if (!inTable) {
                    b.append("<table>\n");
                    inTable = true;
                }
                if (line.matches("\\|[-| :]+\\|")) {
                    continue; // the separator row
                }
                row(b, line, header);
            } else if (line.startsWith("# ")) {
                b.append("<h1>").append(inline(line.substring(2))).append("</h1>\n");
            } else if (line.startsWith("## ")) {
                b.append("<h2>").append(inline(line.substring(3))).append("</h2>\n");
            } else if (line.startsWith("- ")) {
                if (!inList) {
                    b.append("<ul>\n");
                    inList = true;
                }
                b.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else if (IMAGE.matcher(line).matches()) {
                figure(b, IMAGE.matcher(line).replaceFirst("$1"), plots);
            } else if (!line.isBlank()) {
                b.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (inTable) {
            b.append("</table>\n");
        }
        if (inList) {
            b.append("</ul>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** A plot inlined: its SVG when the sweep drew one (the PNG's twin), else a note. */
    private static void figure(StringBuilder b, String file, Map<String, byte[]> plots) {
        String svg = file.endsWith(".png") ? file.substring(0, file.length() - 4) + ".svg" : file;
        byte[] bytes = plots.get(svg);
        if (bytes == null) {
            b.append("<p>(").append(esc(file)).append(" is beside this page)</p>\n");
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = text.indexOf("<svg");
        b.append("<figure>").append(start < 0 ? "" : text.substring(start)).append("</figure>\n");
    }

    private static void row(StringBuilder b, String line, boolean header) {
        String tag = header ? "th" : "td";
        b.append("<tr>");
        for (String cell : cells(line)) {
            b.append('<').append(tag).append('>').append(inline(cell.trim())).append("</").append(tag).append('>');
        }
        b.append("</tr>\n");
    }

    /** The cells of a pipe-table row; {@code \|} is a literal bar (SummaryMarkdown escapes bars in values). */
    private static java.util.List<String> cells(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (c == '|') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    private static String inline(String s) {
        String e = esc(s);
        e = CODE.matcher(e).replaceAll(m -> "<code>" + Matcher.quoteReplacement(m.group(1)) + "</code>");
        return BOLD.matcher(e).replaceAll(m -> "<b>" + Matcher.quoteReplacement(m.group(1)) + "</b>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
