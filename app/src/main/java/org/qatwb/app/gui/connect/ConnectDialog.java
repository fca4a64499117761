package org.qatwb.app.gui.connect;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.ssh.config.SshConfig;
import org.qatwb.ssh.config.SshConfigException;
import org.qatwb.ssh.config.SshEnvironment;

/**
 * Connect to a real NAS: a saved connection, or a host ({@code ~/.ssh/config} aliases offered),
 * user, authentication and sudo. Secrets are not asked here: the connection asks for them when
 * the server wants them, and nothing secret is saved.
 */
public final class ConnectDialog extends Dialog<ConnectDialog.Result> {

    /** What to connect to, and whether to keep it among the saved connections. */
    public record Result(SavedConnection connection, boolean save) {
    }

    private final ComboBox<String> host = new ComboBox<>();
    private final TextField name = new TextField();
    private final TextField port = new TextField();
    private final TextField user = new TextField();
    private final ChoiceBox<AuthMethod> auth = new ChoiceBox<>(FXCollections.observableArrayList(AuthMethod.values()));
    private final TextField identity = new TextField();
    private final CheckBox sudo = new CheckBox("Use sudo -n for privileged steps (TrueNAS admin users, other non-root accounts)");
    private final CheckBox save = new CheckBox("Save this connection (no password or passphrase is ever saved)");
    private final Label error = new Label();
    /** Kept from a saved connection chosen here: the form does not edit it. */
    private String knownHosts;

    public ConnectDialog(Window owner, List<SavedConnection> saved) {
        initOwner(owner);
        setTitle("Connect to a NAS");
        setHeaderText("Connect to a NAS over SSH");
        getDialogPane().setId("connect-dialog");

        ComboBox<SavedConnection> savedBox = new ComboBox<>(FXCollections.observableArrayList(saved));
        savedBox.setPromptText(saved.isEmpty() ? "none saved yet" : "choose…");
        savedBox.setDisable(saved.isEmpty());
        savedBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(SavedConnection c) {
                return c == null ? "" : c.name() + "  (" + c.destination() + ")";
            }

            @Override
            public SavedConnection fromString(String s) {
                return null;
            }
        });
        savedBox.valueProperty().addListener((o, a, c) -> {
            if (c != null) {
                fill(c);
            }
        });

        host.setEditable(true);
        host.setId("connect-host");
        host.setPromptText("nas.example.lan, 192.0.2.10 or an ~/.ssh/config alias");
        host.getItems().setAll(sshAliases());
        host.setMaxWidth(Double.MAX_VALUE);
        name.setPromptText("defaults to the host");
        name.setId("connect-name");
        port.setPromptText("22 or ~/.ssh/config");
        port.setId("connect-port");
        user.setPromptText("~/.ssh/config, else " + System.getProperty("user.name"));
        user.setId("connect-user");
        auth.setValue(AuthMethod.AGENT);
        auth.setId("connect-auth");
        auth.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuthMethod m) {
                return m == null ? "" : switch (m) {
                    case AGENT -> "ssh-agent and default keys";
                    case KEY -> "Key file";
                    case PASSWORD -> "Password";
                };
            }

            @Override
            public AuthMethod fromString(String s) {
                return null;
            }
        });
        identity.setPromptText("~/.ssh/id_ed25519");
        identity.setId("connect-identity");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse(owner));
        HBox keyRow = new HBox(6, identity, browse);
        HBox.setHgrow(identity, Priority.ALWAYS);
        keyRow.disableProperty().bind(auth.valueProperty().isNotEqualTo(AuthMethod.KEY));
        sudo.setId("connect-sudo");
        sudo.setWrapText(true);
        save.setWrapText(true);
        save.setSelected(true);
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setId("connect-error");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, new Label("Saved"), savedBox);
        grid.addRow(r++, new Label("Host"), host);
        grid.addRow(r++, new Label("Port"), port);
        grid.addRow(r++, new Label("User"), user);
        grid.addRow(r++, new Label("Authentication"), auth);
        grid.addRow(r++, new Label("Key file"), keyRow);
        grid.addRow(r++, new Label("Name"), name);
        grid.add(sudo, 1, r++);
        grid.add(save, 1, r++);
        grid.add(error, 1, r);
        GridPane.setHgrow(host, Priority.ALWAYS);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);   // the labels never shrink to "..."
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.setPrefWidth(600);
        getDialogPane().setContent(grid);

        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(connect);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> host.getEditor().getText().isBlank(),
                host.getEditor().textProperty()));
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            Optional<String> problem = validate();
            error.setText(problem.orElse(""));
            if (problem.isPresent()) {
                e.consume();
            }
        });
        setResultConverter(b -> b == connect ? new Result(connection(), save.isSelected()) : null);
        Platform.runLater(host::requestFocus);
    }

    private void fill(SavedConnection c) {
        host.getEditor().setText(c.host());
        name.setText(c.name());
        port.setText(c.port() == null ? "" : String.valueOf(c.port()));
        user.setText(c.user() == null ? "" : c.user());
        auth.setValue(c.auth());
        identity.setText(c.identity() == null ? "" : c.identity());
        sudo.setSelected(c.sudo());
        knownHosts = c.knownHosts();
    }

    /** What is wrong with the form, in one line; empty when it can be used. */
    Optional<String> validate() {
        String h = host.getEditor().getText().strip();
        if (h.isEmpty()) {
            return Optional.of("Host: give a name, an address or an ~/.ssh/config alias");
        }
        if (h.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch < 0x20)) {
            return Optional.of("Host: '" + h + "' contains blanks");
        }
        String p = port.getText().strip();
        if (!p.isEmpty()) {
            try {
                int n = Integer.parseInt(p);
                if (n < 1 || n > 65535) {
                    return Optional.of("Port: " + p + " is not 1..65535");
                }
            } catch (NumberFormatException e) {
                return Optional.of("Port: '" + p + "' is not a number");
            }
        }
        if (auth.getValue() == AuthMethod.KEY) {
            String k = identity.getText().strip();
            if (k.isEmpty()) {
                return Optional.of("Key file: choose the private key to use");
            }
            if (!Files.isReadable(expand(k))) {
                return Optional.of("Key file: " + k + " cannot be read");
            }
        }
        return Optional.empty();
    }

    private SavedConnection connection() {
        String h = host.getEditor().getText().strip();
        String p = port.getText().strip();
        String k = identity.getText().strip();
        return new SavedConnection(name.getText().isBlank() ? h : name.getText().strip(), h,
                p.isEmpty() ? null : Integer.valueOf(p), user.getText().isBlank() ? null : user.getText().strip(),
                auth.getValue(), auth.getValue() == AuthMethod.KEY ? expand(k).toString() : null, sudo.isSelected(), knownHosts);
    }

    private void browse(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Private key");
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        if (Files.isDirectory(ssh)) {
            fc.setInitialDirectory(ssh.toFile());
        }
        java.io.File f = fc.showOpenDialog(owner);
        if (f != null) {
            identity.setText(f.getPath());
        }
    }

    private static Path expand(String p) {
        return p.startsWith("~/") ? Path.of(System.getProperty("user.home"), p.substring(2)) : Path.of(p);
    }

    private static List<String> sshAliases() {
        try {
            return SshConfig.read(SshEnvironment.current()).hostAliases();
        } catch (SshConfigException e) {
            return List.of();
        }
    }
}
