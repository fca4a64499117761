package org.qatwb.app.gui.connect;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.qatwb.ssh.hostkey.UnknownHostKey;

/**
 * The connection's questions as dialogs. A connection asks on its own (background) thread;
 * the dialog opens on the FX thread while that thread waits for the answer.
 */
public final class FxPrompts {

    private FxPrompts() {
    }

    public static Prompts create() {
        return new Prompts(FxPrompts::hostKey, new Credentials() {
            @Override
            public Optional<char[]> passphrase(Path identity) {
                return ask(() -> secret("Key passphrase", "The key " + identity + " is encrypted.", "Passphrase"));
            }

            @Override
            public Optional<char[]> password(String destination) {
                return ask(() -> secret("Password", "Password for " + destination, "Password"));
            }
        });
    }

    private static HostKeyDecision hostKey(UnknownHostKey key) {
        return ask(() -> Optional.of(HostKeyDialog.ask(key))).orElse(HostKeyDecision.REFUSE);
    }

    /** Runs a dialog on the FX thread and waits for it; never call on the FX thread itself. */
    private static <T> Optional<T> ask(Supplier<Optional<T>> dialog) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a connection prompt must not block the FX thread");
        }
        CompletableFuture<Optional<T>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** A password dialog; the text leaves the field once, as a char array the caller wipes. */
    private static Optional<char[]> secret(String title, String header, String label) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId("secret-field");
        d.getDialogPane().setContent(new VBox(6, new Label(label), field));
        ButtonType ok = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Platform.runLater(field::requestFocus);
        d.setResultConverter(b -> b == ok ? field.getText().toCharArray() : null);
        Optional<char[]> r = d.showAndWait();
        field.clear();
        return r;
    }
}
