package org.qatwb.app.gui.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qatwb.app.gui.common.WhenChoice;
import org.qatwb.app.usecase.apply.When;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.model.layout.Baseline;
import org.qatwb.model.layout.Compilation;
import org.qatwb.model.layout.LayoutCompiler;
import org.qatwb.model.layout.Preset;
import org.qatwb.sim.SimOptions;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.hostkey.HostKeyDecision;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The apply dialog's three choices (stage the default, restart now, apply and reboot) and the
 * second confirmation a reboot needs (Cancel the default; what reboots, the pools offline, how long
 * the workbench waits). The compilation is the ZFS compression preset against the simulated C62x.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyDialogTest {

    private static BuiltInSimulator sims;
    private static Compilation compilation;

    @BeforeAll
    static void compile() throws Exception {
        sims = new BuiltInSimulator(SimOptions::driven);
        Prompts refuse = new Prompts(k -> HostKeyDecision.REFUSE, Credentials.none());
        try (NasLink link = NasLink.open(new NasTarget.Simulated("c62x"), refuse, sims)) {
            Baseline base = Baseline.of(link.snapshot());
            compilation = LayoutCompiler.compile(base, Preset.ZFS_COMPRESSION.apply(base.layout()));
        }
        assertTrue(compilation.applicable() && !compilation.files().isEmpty(), compilation.findings().toString());
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Start
    void start(Stage stage) {
        stage.show();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static RadioButton radio(Dialog<?> d, String id) {
        RadioButton b = (RadioButton) d.getDialogPane().lookup("#" + id);
        assertNotNull(b, id);
        return b;
    }

    private static ButtonType applyButton(Dialog<?> d) {
        return d.getDialogPane().getButtonTypes().get(0);
    }

    @Test
    void threeChoicesStagingTheDefaultEachGivesItsWhen() throws Exception {
        Dialog<ApplyDialog.Choice> d = fx(() -> ApplyDialog.dialog(compilation, Optional.empty()));
        assertTrue(radio(d, "when-stage").isSelected(), "staging is the default");
        assertFalse(radio(d, "when-restart").isSelected());
        assertFalse(radio(d, "when-reboot").isSelected());
        assertTrue(radio(d, "when-reboot").getText().startsWith("Apply and reboot the NAS"));
        assertFalse(radio(d, "when-restart").isDisabled());
        assertNull(d.getDialogPane().lookup("#when-restart-why"));
        assertFalse(d.getDialogPane().lookupButton(applyButton(d)).isDisabled());

        assertEquals(new ApplyDialog.Choice(When.STAGE, Duration.ofSeconds(120)),
                fx(() -> d.getResultConverter().call(applyButton(d))));
        fx(() -> {
            radio(d, "when-reboot").setSelected(true);
            return null;
        });
        assertEquals(When.REBOOT, fx(() -> d.getResultConverter().call(applyButton(d))).when());
        fx(() -> {
            radio(d, "when-restart").setSelected(true);
            return null;
        });
        assertEquals(When.RESTART, fx(() -> d.getResultConverter().call(applyButton(d))).when());
        assertNull(fx(() -> d.getResultConverter().call(ButtonType.CANCEL)));
    }

    @Test
    void whereARestartCannotApplyTheLayoutItsChoiceSaysWhyAndIsOff() throws Exception {
        Dialog<ApplyDialog.Choice> d = fx(() -> ApplyDialog.dialog(compilation, Optional.of("ZFS holds the QAT devices")));
        assertTrue(radio(d, "when-restart").isDisabled());
        Label why = (Label) d.getDialogPane().lookup("#when-restart-why");
        assertNotNull(why);
        assertTrue(why.getText().contains("ZFS holds the QAT devices"), why.getText());
        assertFalse(radio(d, "when-reboot").isDisabled(), "the reboot is the way then");
    }

    @Test
    void theRebootIsAskedASecondTimeWithCancelTheDefault() throws Exception {
        Dialog<Boolean> d = fx(() -> WhenChoice.rebootConfirmation("nas1.example", Duration.ofSeconds(600)));
        Button reboot = (Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0));
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        assertEquals("Reboot the NAS", reboot.getText());
        assertEquals("reboot-confirm", reboot.getId());
        assertFalse(reboot.isDefaultButton(), "Enter never reboots");
        assertTrue(cancel.isDefaultButton());
        String text = ((Label) d.getDialogPane().lookup("#reboot-confirm-text")).getText();
        assertTrue(d.getHeaderText().contains("nas1.example"), d.getHeaderText());
        assertTrue(text.contains("every ZFS pool goes offline"), text);
        assertTrue(text.contains("waits up to 10 min"), text);
        assertEquals(Boolean.TRUE, fx(() -> d.getResultConverter().call(d.getDialogPane().getButtonTypes().get(0))));
        assertEquals(Boolean.FALSE, fx(() -> d.getResultConverter().call(ButtonType.CANCEL)));
    }
}
