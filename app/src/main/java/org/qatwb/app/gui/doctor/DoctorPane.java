package org.qatwb.app.gui.doctor;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.viewmodel.DoctorViewModel;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.EmptyStates;
import org.qatwb.model.doctor.ChainLink;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.doctor.Fix;

/**
 * "Is ZFS actually using my QAT card?": the chain of DOMAIN.md section 1 drawn link by link,
 * each check with its status, what it found and the fix, applicable in one click where it is a
 * parameter, a file or the keep-after-reboot plan.
 */
public final class DoctorPane extends BorderPane {

    private final DoctorViewModel vm;
    private final FixActions fixes;
    private final VBox chain = new VBox(10);
    private final Label counts = new Label();
    private final ZiaPanel zia;

    public DoctorPane(NasViewModel nas, DoctorViewModel vm, Window owner) {
        this.vm = vm;
        this.fixes = new FixActions(nas, vm, owner);
        this.zia = new ZiaPanel(nas.zia(), owner);
        // a change that failed brings no new report: the switches go back to what the NAS says
        nas.zia().busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                zia.show(nas.snapshotProperty().get());
            }
        });
        setId("doctor");
        Button again = new Button("Run again", Glyphs.icon(Glyphs.REFRESH));
        again.setId("doctor-run");
        again.setOnAction(e -> vm.runAgain());
        ProgressIndicator watching = new ProgressIndicator();
        watching.setPrefSize(18, 18);
        Label watchingText = new Label("watching the QAT counters…");
        watchingText.getStyleClass().add(Css.MUTED);
        HBox observing = new HBox(6, watching, watchingText);
        observing.setAlignment(Pos.CENTER_LEFT);
        observing.visibleProperty().bind(vm.observingProperty());
        counts.setId("doctor-counts");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        setTop(new ToolBar(again, observing, grow, counts));

        chain.setPadding(new Insets(14));
        ScrollPane scroll = new ScrollPane(chain);
        scroll.setId("doctor-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
        vm.reportProperty().addListener((o, a, r) -> show(r, nas));
        show(vm.reportProperty().get(), nas);
    }

    private void show(DoctorReport r, NasViewModel nas) {
        chain.getChildren().clear();
        if (r == null) {
            counts.setText("");
            return;
        }
        Map<CheckStatus, Integer> n = r.counts();
        counts.setText(n.get(CheckStatus.PASS) + " pass · " + n.get(CheckStatus.WARN) + " warn · "
                + n.get(CheckStatus.FAIL) + " fail · " + n.get(CheckStatus.SKIP) + " skip");
        EmptyStates.firstFailure(r).ifPresent(first -> chain.getChildren().add(firstFailure(r, first)));
        ChainLink shown = null;
        for (CheckResult c : r.results()) {
            if (c.check().link() != shown) {
                shown = c.check().link();
                Label title = new Label(shown.heading());
                title.getStyleClass().add(Css.CARD_TITLE);
                title.setPadding(new Insets(6, 0, 0, 0));
                chain.getChildren().add(title);
            }
            chain.getChildren().add(row(c));
        }
        if (zia.show(nas.snapshotProperty().get())) {
            chain.getChildren().add(zia);
        }
    }

    /**
     * Where the chain breaks first, on top: on a host that is not (yet) a QAT NAS most checks are
     * skipped behind one failure, and that failure is the next thing to do.
     */
    private static Node firstFailure(DoctorReport r, CheckResult first) {
        // only the checks skipped because of it: a check skipped for another reason (not observed, no
        // Z.I.A.) does not wait for this link
        long waiting = r.results().stream().filter(c -> c.status() == CheckStatus.SKIP
                && c.check().prerequisites().contains(first.check())).count();
        Label title = new Label("Start here: " + first.check().link().number().stream().mapToObj(i -> "link " + i + ", ")
                .findFirst().orElse("") + first.check().link().title());
        title.getStyleClass().add(Styles.TITLE_4);
        Label what = new Label(first.message() + (waiting == 0 ? "." : ". Fix this first: " + waiting + " check"
                + (waiting == 1 ? " waits" : "s wait") + " for it (skipped below)."));
        what.setWrapText(true);
        what.setId("doctor-first-failure");
        FontIcon icon = Glyphs.icon(Glyphs.ERROR);
        icon.setIconSize(22);
        icon.getStyleClass().add(Styles.DANGER);
        VBox text = new VBox(4, title, what);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(12, icon, text);
        box.setAlignment(Pos.TOP_LEFT);
        box.setId("doctor-start-here");
        box.getStyleClass().add("doctor-start-here");
        return box;
    }

    private Node row(CheckResult c) {
        FontIcon icon = Glyphs.icon(switch (c.status()) {
            case PASS -> Glyphs.PASS;
            case WARN -> Glyphs.WARNING;
            case FAIL -> Glyphs.ERROR;
            case SKIP -> Glyphs.SKIP;
        });
        icon.getStyleClass().add(switch (c.status()) {
            case PASS -> Styles.SUCCESS;
            case WARN -> Styles.WARNING;
            case FAIL -> Styles.DANGER;
            case SKIP -> Styles.TEXT_MUTED;
        });
        icon.setIconSize(18);
        Label id = new Label(c.id());
        id.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
        Label message = new Label(c.message());
        message.setWrapText(true);
        message.setId("doctor-" + c.id().replace('.', '-'));
        message.getStyleClass().add("doctor-message");
        Label status = new Label(c.status().name().toLowerCase(Locale.ROOT));
        status.setId("doctor-status-" + c.id().replace('.', '-'));
        status.getStyleClass().add(Css.STATE_CHIP);
        Css.tone(status, switch (c.status()) {
            case PASS -> org.qatwb.app.workbench.Tone.GOOD;
            case WARN -> org.qatwb.app.workbench.Tone.WARN;
            case FAIL -> org.qatwb.app.workbench.Tone.BAD;
            case SKIP -> org.qatwb.app.workbench.Tone.NEUTRAL;
        });
        VBox text = new VBox(2, new HBox(8, status, id), message);
        for (String d : c.details()) {
            if (d.equals(c.message())) {
                continue; // one pool, one dataset: the detail is the message
            }
            Label l = new Label("· " + d);
            l.setWrapText(true);
            l.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
            text.getChildren().add(l);
        }
        for (Fix f : c.fixes()) {
            text.getChildren().add(fixLine(c, f));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("doctor-row");
        return row;
    }

    private Node fixLine(CheckResult c, Fix f) {
        Label what = new Label("Fix: " + f.summary());
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_SMALL);
        Button act = new Button();
        act.getStyleClass().addAll(Styles.SMALL);
        act.setId("fix-" + c.id().replace('.', '-'));
        act.setMinWidth(Region.USE_PREF_SIZE);
        if (f instanceof Fix.CommandFix cmd) {
            act.setText("Copy command");
            act.setTooltip(new Tooltip(cmd.why()));
            act.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(String.join("\n", cmd.commands()));
                Clipboard.getSystemClipboard().setContent(content);
            });
        } else {
            act.setText(f instanceof Fix.FileFix ? "Review and apply…" : "Apply");
            act.setOnAction(e -> fixes.apply(f));
        }
        HBox line = new HBox(8, what, act);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, Priority.ALWAYS);
        return line;
    }
}
