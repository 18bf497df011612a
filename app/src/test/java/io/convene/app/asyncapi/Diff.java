package io.convene.app.asyncapi;

import java.util.List;

/** A short, unified-ish view of where two texts differ: the differing middle, with some context. */
final class Diff {

    private static final int CONTEXT = 3;
    private static final int MAX_LINES = 40;

    private Diff() {}

    static String hint(String committed, String generated) {
        List<String> before = committed.lines().toList();
        List<String> after = generated.lines().toList();
        int start = 0;
        while (start < before.size() && start < after.size() && before.get(start).equals(after.get(start))) {
            start++;
        }
        int endBefore = before.size();
        int endAfter = after.size();
        while (endBefore > start && endAfter > start && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
            endBefore--;
            endAfter--;
        }
        StringBuilder hint = new StringBuilder("@@ line " + (start + 1) + ": -" + (endBefore - start)
                + " committed, +" + (endAfter - start) + " generated @@\n");
        for (int i = Math.max(0, start - CONTEXT); i < start; i++) {
            hint.append("  ").append(before.get(i)).append('\n');
        }
        append(hint, "- ", before.subList(start, endBefore));
        append(hint, "+ ", after.subList(start, endAfter));
        for (int i = endBefore; i < Math.min(before.size(), endBefore + CONTEXT); i++) {
            hint.append("  ").append(before.get(i)).append('\n');
        }
        return hint.toString();
    }

    private static void append(StringBuilder hint, String mark, List<String> lines) {
        lines.stream().limit(MAX_LINES).forEach(line -> hint.append(mark).append(line).append('\n'));
        if (lines.size() > MAX_LINES) {
            hint.append(mark).append("… ").append(lines.size() - MAX_LINES).append(" more lines\n");
        }
    }
}
