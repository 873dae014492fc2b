package org.openmaf.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL a Grafana dashboard runs (every panel target's {@code expr}, rows' nested panels included, and the
 * template variables' queries), and the metric names those expressions select. PromQL names a metric as a bare
 * identifier that is not a function (followed by "("), not an aggregation modifier's label list, not a keyword and not
 * inside a label matcher or string; that is what {@link #metricNames} keeps.
 */
final class DashboardQueries {

    static final Path DASHBOARD = Path.of("deploy", "grafana", "maf-dashboard.json");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private DashboardQueries() {
    }

    static List<String> expressions(String dashboardJson) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(dashboardJson);
        List<String> expressions = new ArrayList<>();
        collectPanels(dashboard.path("panels"), expressions);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                expressions.add(query.isTextual() ? query.asText() : query.path("query").asText());
            }
        }
        return expressions;
    }

    static List<String> expressions(Path dashboard) throws IOException {
        return expressions(Files.readString(dashboard));
    }

    private static void collectPanels(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.get("expr").asText());
                }
            }
            collectPanels(panel.path("panels"), expressions);
        }
    }

    static Set<String> metricNames(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            String bare = VARIABLE.matcher(STRING.matcher(expression).replaceAll(" ")).replaceAll(" ");
            bare = LABEL_LIST.matcher(MATCHERS.matcher(RANGE.matcher(bare).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
            // label_values(metric, label): the second argument is a label.
            bare = bare.replaceAll("label_values\\s*\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*\\w+\\s*\\)", "$1");
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                String name = identifier.group();
                boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
                if (!function && !KEYWORDS.contains(name.toLowerCase())) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The metric names in a Prometheus text exposition: histograms appear as their _bucket, _count and _sum series. */
    static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher name = IDENTIFIER.matcher(line);
            if (name.lookingAt()) {
                names.add(name.group());
            }
        }
        return names;
    }
}
