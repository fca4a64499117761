package org.qatwb.model.etc;

import java.util.Objects;

/**
 * A small file's new text and what changed in it, in one line, for the diff's header.
 *
 * @param text   the whole new text
 * @param change what changed ({@code uncomment line 5: ENABLE_KAPI=1}); says so when nothing did
 */
public record EtcEdit(String text, String change) {

    public EtcEdit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(change, "change");
    }
}
