package io.convene.app.ops;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** One scrape of /actuator/prometheus (text format), read as a test needs it. */
record Scrape(String text) {

    /** The sum of the samples of {@code name} whose labels include every {@code label="value"} pair given. */
    double value(String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int end = line.lastIndexOf('}');
            String labelPart = end < 0 ? "" : line.substring(name.length(), end + 1);
            if (Arrays.stream(labels).allMatch(labelPart::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Whether a sample of {@code name} has every {@code label="value"} pair given. */
    boolean has(String name, String... labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && Arrays.stream(labels).allMatch(line::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Every sample's metric name (histograms' _bucket, _count, _sum, _max included). */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            names.add(line.substring(0, brace >= 0 && brace < space ? brace : space));
        }
        return names;
    }

    static String label(String name, String value) {
        return name + "=\"" + value + "\"";
    }
}
