package org.qatwb.app.gui.connect;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.qatwb.ssh.hostkey.UnknownHostKey;

/** OpenSSH's question about a host it does not know, with the key's SHA256 fingerprint. */
final class HostKeyDialog {

    private HostKeyDialog() {
    }

    static HostKeyDecision ask(UnknownHostKey key) {
        Dialog<HostKeyDecision> d = new Dialog<>();
        d.setTitle("Unknown host key");
        d.setHeaderText("The authenticity of " + key.name() + " can't be established.");
        Label what = new Label(key.keyType() + " key fingerprint:");
        Label fp = new Label(key.fingerprint());
        fp.setId("host-key-fingerprint");
        fp.getStyleClass().add(Styles.TITLE_4);
        fp.setStyle("-fx-font-family: monospace");
        Label check = new Label("Compare it with the NAS's own (on the NAS: ssh-keygen -lf /etc/ssh/ssh_host_"
                + shortType(key.keyType()) + "_key.pub) before you trust it.");
        check.setWrapText(true);
        check.setMaxWidth(520);
        VBox box = new VBox(8, what, fp, check);
        for (String note : key.notes()) {
            Label n = new Label(note);
            n.setWrapText(true);
            n.setMaxWidth(520);
            n.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(n);
        }
        d.getDialogPane().setContent(box);
        ButtonType save = new ButtonType("Trust and remember", ButtonBar.ButtonData.OK_DONE);
        ButtonType once = new ButtonType("Trust this time", ButtonBar.ButtonData.OTHER);
        ButtonType refuse = new ButtonType("Don't connect", ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().addAll(save, once, refuse);
        d.setResultConverter(b -> b == save ? HostKeyDecision.ACCEPT_AND_SAVE
                : b == once ? HostKeyDecision.ACCEPT_ONCE : HostKeyDecision.REFUSE);
        return d.showAndWait().orElse(HostKeyDecision.REFUSE);
    }

    private static String shortType(String keyType) {
        if (keyType.contains("ed25519")) {
            return "ed25519";
        }
        if (keyType.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }
}
