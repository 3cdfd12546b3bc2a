package io.openfirecluster.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The small pieces the HTML report is written with; every text that goes in is escaped here. */
final class Html {
    private final StringBuilder out = new StringBuilder();

    /** TEXT with &amp;, &lt;, &gt; and both quotes escaped: safe as element content and as a quoted attribute. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A relative link to FILE in the same directory, its name percent-encoded. */
    static String fileHref(String file) {
        return URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String pngDataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** Markup written as it is: only constant markup, never data. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** &lt;TAG&gt;TEXT&lt;/TAG&gt;, TEXT escaped. */
    Html element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
    }

    /** A table: the header cells, then the rows; cells are text (escaped), numbers right-aligned. */
    Html table(List<String> header, List<List<String>> rows) {
        raw("<table><thead><tr>");
        header.forEach(cell -> element("th", cell));
        raw("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            raw("<tr>");
            for (String cell : row) {
                raw(cell.matches("[+-]?[0-9][0-9.,]*( (ms|s))?") ? "<td class=\"n\">" : "<td>").text(cell).raw("</td>");
            }
            raw("</tr>\n");
        }
        return raw("</tbody></table>\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
