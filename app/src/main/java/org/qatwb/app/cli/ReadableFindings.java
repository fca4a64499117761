package org.qatwb.app.cli;

import org.qatwb.model.lint.Finding;

/** A finding as one line for people, compiler style: {@code path:line: severity: message [rule]}. */
final class ReadableFindings {

    private ReadableFindings() {
    }

    static String line(String path, Finding f) {
        return path + ":" + f.line() + ": " + f.severity().id() + ": " + f.message() + " [" + f.rule().id() + "]";
    }
}
