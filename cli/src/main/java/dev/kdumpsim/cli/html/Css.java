package dev.kdumpsim.cli.html;

/** The page's stylesheet, inline so the page works offline. */
final class Css {

    private Css() {
    }

    static final String STYLE = """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1140px; color: #1d2430; }
            h1 small { font-weight: normal; color: #667; font-size: 60%; }
            .desc { color: #445; }
            section.verdict { border-left: 6px solid; padding: 4px 16px; margin: 16px 0; }
            section.verdict.bad { border-color: #c62828; background: #fdf0f0; }
            section.verdict.good { border-color: #2e7d32; background: #f0f8f1; }
            svg.timeline, svg.memmap { width: 100%; height: auto; display: block; margin: 6px 0; }
            .lane-title { font-size: 12px; font-weight: 600; }
            .phase, .mark { font-size: 10px; fill: #223; }
            rect.bypass { fill: #ffb300; opacity: .75; }
            line.panic { stroke: #000; stroke-width: 2; }
            line.stray { stroke: #c62828; stroke-width: 3; }
            line.bypass-mark { stroke: #ff8f00; stroke-width: 2; }
            .role-live-kdump-data { fill: #6d9eeb; background: #6d9eeb; }
            .role-free-kdump-memory { fill: #d9e6f7; background: #d9e6f7; }
            svg.memmap { background: #eef2f7; }
            .legend { font-size: 12px; color: #445; }
            .sw { display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-left: 10px; }
            .sw.bypass { background: #ffb300; } .sw.stray { background: #c62828; } .sw.panic { background: #000; }
            table { border-collapse: collapse; margin: 8px 0; }
            td, th { border-bottom: 1px solid #dde; padding: 3px 10px; text-align: left; vertical-align: top; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            tr.zero { color: #99a; }
            pre.log { background: #0f1420; color: #d7dde8; padding: 10px; overflow-x: auto; font-size: 12px; line-height: 1.35; }
            pre.log span { display: block; }
            pre.log span:target { background: #5a4a00; }
            .lv0, .lv1, .lv2, .lv3 { color: #ff8a80; } .lv4 { color: #ffd180; }
            details { margin: 0 0 0 2ch; } summary { color: #82b1ff; cursor: pointer; }
            footer { margin-top: 24px; color: #889; font-size: 12px; }
            """;

    /** The trace page's additions: a wider page for the swimlanes. */
    static final String TRACE = """
            body.trace { max-width: 1440px; }
            svg.trace { width: 100%; height: auto; display: block; margin: 10px 0 24px; font-family: system-ui, sans-serif; }
            svg.trace .process { font-size: 13px; font-weight: 600; fill: #1d2430; }
            svg.trace .track, svg.trace .series-name { font-size: 11px; fill: #334; }
            svg.trace .tick { font-size: 10px; fill: #667; }
            svg.trace .span { font-size: 10px; fill: #fff; }
            svg.trace line.grid { stroke: #e3e7ee; stroke-width: 1; }
            svg.trace rect.instant { fill: #37474f; }
            svg.trace polyline.series { fill: none; stroke-width: 1.5; }
            """;
}
