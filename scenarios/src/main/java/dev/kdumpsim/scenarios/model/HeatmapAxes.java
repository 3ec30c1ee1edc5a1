package dev.kdumpsim.scenarios.model;

/** The two swept parameters the corruption-rate heatmap is drawn over. */
@Doc("Heatmap axes: two swept parameter paths")
public record HeatmapAxes(
        @Doc(value = "Parameter path on the horizontal axis", required = true) String x,
        @Doc(value = "Parameter path on the vertical axis", required = true) String y) {
}
