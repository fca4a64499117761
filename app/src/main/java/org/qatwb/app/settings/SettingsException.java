package org.qatwb.app.settings;

/** A settings file that cannot be read or written; the message names the file and says why, in one line. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
