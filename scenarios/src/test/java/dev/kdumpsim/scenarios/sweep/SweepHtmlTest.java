package dev.kdumpsim.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report.html: the summary as one offline page, tables as tables, plots inlined as SVG. */
class SweepHtmlTest {

    static final String MD = """
            # Sweep: s

            **8 passed, 1 failed, 0 crashed.** Corruption rate 50.0%.

            ## Verdict rates

            | policy | corruption rate |
            |---|---|
            | `a\\|b` | 50.0% |

            ![heatmap-corruption.png](heatmap-corruption.png)

            ## Failed variants

            - variant 3: `./kdumpsim run f.yaml --set seed=3` <script>
            """;

    @Test
    void tablesListsAndInlinedPlots() {
        String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";
        String html = SweepHtml.render(MD, Map.of("heatmap-corruption.svg", svg.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("<h1>Sweep: s</h1>"));
        assertTrue(html.contains("<p><b>8 passed, 1 failed, 0 crashed.</b> Corruption rate 50.0%.</p>"));
        assertTrue(html.contains("<tr><th>policy</th><th>corruption rate</th></tr>"));
        assertTrue(html.contains("<tr><td><code>a|b</code></td><td>50.0%</td></tr>"), "an escaped bar stays in its cell");
        assertTrue(html.contains("<figure><svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg></figure>"), "the SVG, no XML prolog");
        assertTrue(html.contains("<li>variant 3: <code>./kdumpsim run f.yaml --set seed=3</code> &lt;script&gt;</li>"));
        assertFalse(html.contains("<script"), "escaped, never markup");
        assertEquals(1, html.split("<table>", -1).length - 1);
    }
}
