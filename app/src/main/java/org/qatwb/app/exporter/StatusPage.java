package org.qatwb.app.exporter;

import java.util.List;
import org.qatwb.model.metrics.TargetState;

/**
 * The exporter's page at {@code /}: the targets, whether each is up, a link to the metrics. Every
 * text that came from a NAS, a config file or the command line is escaped: a hostile host name or
 * error message must not become markup in an administrator's browser.
 */
final class StatusPage {

    private StatusPage() {
    }

    /** @param problems one per state, the same order: what keeps it from being read, empty when nothing */
    static String render(String version, List<TargetState> states, List<String> problems) {
        StringBuilder b = new StringBuilder(512 + 160 * states.size());
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>qatwb exporter</title></head><body>\n")
                .append("<h1>qatwb exporter</h1>\n<p>").append(escape(version))
                .append(" &middot; <a href=\"metrics\">metrics</a></p>\n")
                .append("<table>\n<tr><th>nas</th><th>up</th><th>connects</th><th>problem</th></tr>\n");
        for (int i = 0; i < states.size(); i++) {
            TargetState s = states.get(i);
            b.append("<tr><td>").append(escape(s.nas())).append("</td><td>").append(s.up() ? "up" : "down")
                    .append("</td><td>").append(s.connects()).append("</td><td>")
                    .append(escape(i < problems.size() ? problems.get(i) : "")).append("</td></tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        b.append("&#xFFFD;"); // no control or bidi characters in what a browser shows
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
