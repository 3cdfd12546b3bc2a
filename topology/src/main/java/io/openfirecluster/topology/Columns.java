package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns are as wide as their widest cell, so names of any length
 * (otherxmpp, otherdb, xmpp10) keep the columns straight. A column empty in every row takes no
 * room (an IPv4-only lab's IPv6 addresses); the last cell of a row is not padded; lines that are
 * not rows (a heading between rows) stand as they are, in order.
 */
public final class Columns {
    private final List<Object> lines = new ArrayList<>();

    /** A row of cells. */
    public Columns row(String... cells) {
        lines.add(cells.clone());
        return this;
    }

    /** A line that is not a row, printed as it is between the rows around it. */
    public Columns line(String text) {
        lines.add(text);
        return this;
    }

    /** The lines, each ending in a newline, each row's cells after INDENT and separated by two spaces. */
    public String render(String indent) {
        List<Integer> widths = new ArrayList<>();
        for (Object line : lines) {
            if (line instanceof String[] cells) {
                for (int i = 0; i < cells.length - 1; i++) {
                    if (widths.size() <= i) {
                        widths.add(0);
                    }
                    widths.set(i, Math.max(widths.get(i), cells[i].length()));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (Object line : lines) {
            if (line instanceof String[] cells) {
                StringBuilder row = new StringBuilder(indent);
                for (int i = 0; i < cells.length; i++) {
                    if (i == cells.length - 1) {
                        row.append(cells[i]);
                    } else if (widths.get(i) > 0) {
                        row.append(cells[i]).append(" ".repeat(widths.get(i) - cells[i].length() + 2));
                    }
                }
                out.append(row.toString().stripTrailing()).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
