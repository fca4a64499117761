package org.qatwb.app.gui.bench;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.qatwb.app.gui.Css;
import org.qatwb.app.gui.Glyphs;
import org.qatwb.app.viewmodel.BenchFormat;
import org.qatwb.app.viewmodel.BenchPoolChoice;
import org.qatwb.app.viewmodel.BenchStage;
import org.qatwb.app.viewmodel.BenchmarkViewModel;
import org.qatwb.app.usecase.bench.BenchProgress;
import org.qatwb.app.workbench.StatusLine;
import org.qatwb.model.bench.BenchPlan;
import org.qatwb.model.bench.BenchRequest;
import org.qatwb.model.bench.BenchRun;
import org.qatwb.model.parse.Snippet;

/**
 * "Does QAT help me?": the A/B benchmark in four parts, top to bottom: what to measure, what the
 * NAS will do (Start), the run as it goes (Stop), and the comparison of QAT on and off with the
 * clean-up. Each part shows once it has something to say; "simulated" is on each when the
 * simulator modelled it.
 */
public final class BenchmarkPane extends ScrollPane {

    private final BenchmarkViewModel vm;
    private final ComboBox<BenchPoolChoice> pool = new ComboBox<>();
    private final ComboBox<Long> size = new ComboBox<>();
    private final Slider compressibility = new Slider(0, 100, BenchRequest.DEFAULT_COMPRESSIBILITY);
    private final CheckBox encrypt = new CheckBox("Also encrypted (aes-256-gcm, with a key made on the NAS for it)");
    private final VBox planCard = card("bench-plan-card");
    private final VBox progressCard = card("bench-progress-card");
    private final VBox resultCard = card("bench-result-card");
    private final BenchChart chart = new BenchChart();
    private final Label progressTitle = new Label();
    private final HBox running = new HBox(12);
    private final Label phase = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button stop = new Button();
    private final VBox passes = new VBox(4);
    /** A card to scroll to at the next layout; null when none. */
    private Node revealing;

    public BenchmarkPane(BenchmarkViewModel vm) {
        this.vm = vm;
        setId("benchmark");
        setFitToWidth(true);
        VBox column = new VBox(14, form(), planCard, progressCard, resultCard);
        column.setPadding(new Insets(14));
        column.setMaxWidth(1100);
        setContent(column);
        buildProgress();

        vm.planProperty().addListener((o, a, p) -> showPlan(p));
        vm.stageProperty().addListener((o, a, s) -> {
            showPlan(vm.planProperty().get());
            showProgress();
            if (s == BenchStage.RUNNING) {
                reveal(progressCard);   // Start was pressed below the fold: the run is what to watch now
            }
        });
        vm.phaseProperty().addListener((o, a, p) -> showProgress());
        vm.passesDone().addListener((ListChangeListener<BenchRun>) c -> showProgress());
        vm.comparisonProperty().addListener((o, a, c) -> {
            showResult();
            if (c != null) {
                reveal(resultCard);
            }
        });
        vm.failureProperty().addListener((o, a, f) -> showResult());
        showPlan(vm.planProperty().get());
        showProgress();
        showResult();
    }

    /** The chart (tests read its values and the texts written on it). */
    BenchChart chart() {
        return chart;
    }

    // ---- what to measure

    private Node form() {
        VBox box = card("bench-form");
        Label title = title("What to measure");
        Label what = new Label("A scratch dataset made for it (gzip, recordsize 128K, sha256 checksums) is written and read"
                + " back twice, with ZFS's QAT offload on and then off, and destroyed afterwards; the parameters are put back"
                + " as they were. Nothing existing is touched.");
        what.setWrapText(true);
        what.getStyleClass().add(Css.MUTED);

        pool.setId("bench-pool");
        pool.setItems(vm.pools());
        pool.getSelectionModel().selectFirst();
        // a new snapshot replaces the list: keep the pool chosen if it is still there
        vm.pools().addListener((ListChangeListener<BenchPoolChoice>) c -> {
            if (pool.getValue() == null || !vm.pools().contains(pool.getValue())) {
                String name = pool.getValue() == null ? null : pool.getValue().pool().orElse(null);
                pool.setValue(vm.pools().stream().filter(p -> p.pool().orElse("").equals(name)).findFirst()
                        .orElse(BenchPoolChoice.LARGEST));
            }
        });
        size.setId("bench-size");
        size.getItems().setAll(BenchmarkViewModel.SIZES);
        size.setValue(BenchRequest.DEFAULT_SIZE);
        size.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long b) {
                return b == null ? "" : BenchFormat.bytes(b) + " per pass";
            }

            @Override
            public Long fromString(String s) {
                return size.getValue();
            }
        });
        compressibility.setId("bench-compressibility");
        compressibility.setMajorTickUnit(10);
        compressibility.setMinorTickCount(1);
        compressibility.setSnapToTicks(true);
        compressibility.setBlockIncrement(5);
        compressibility.setPrefWidth(260);
        Label percent = new Label();
        percent.setId("bench-compressibility-value");
        percent.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(compressibility.getValue()) + " % of each record compresses", compressibility.valueProperty()));
        encrypt.setId("bench-encrypt");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Pool"), pool);
        grid.addRow(1, new Label("Data"), size);
        grid.addRow(2, new Label("Compressibility"), new HBox(10, compressibility, percent));
        grid.addRow(3, new Label("Encryption"), encrypt);

        Button plan = new Button("Plan", Glyphs.icon(Glyphs.PRESET));
        plan.setId("bench-plan");
        plan.getStyleClass().add(Styles.ACCENT);
        plan.setDefaultButton(true);
        plan.setOnAction(e -> vm.plan(pool.getValue() == null ? BenchPoolChoice.LARGEST : pool.getValue(),
                size.getValue() == null ? BenchRequest.DEFAULT_SIZE : size.getValue(),
                (int) Math.round(compressibility.getValue()), encrypt.isSelected()));
        plan.disableProperty().bind(vm.busyProperty());
        Label planning = new Label("asking the NAS…");
        planning.getStyleClass().add(Css.MUTED);
        planning.visibleProperty().bind(vm.stageProperty().isEqualTo(BenchStage.PLANNING));
        Label refusal = new Label();
        refusal.setId("bench-refusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().add(Styles.DANGER);
        refusal.textProperty().bind(vm.refusalProperty());
        refusal.visibleProperty().bind(vm.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        HBox actions = new HBox(10, plan, planning);
        actions.setAlignment(Pos.CENTER_LEFT);

        for (Node n : List.of(pool, size, compressibility, encrypt)) {
            n.disableProperty().bind(vm.busyProperty());
        }
        // the plan shown is always the form's: a change takes it away (Plan makes the new one)
        pool.valueProperty().addListener((o, a, b) -> {
            if (a == null || b == null || !a.pool().equals(b.pool())) {
                formChanged();   // a new snapshot's free space for the same pool is not a change of the form
            }
        });
        size.valueProperty().addListener(o -> formChanged());
        compressibility.valueProperty().addListener(o -> formChanged());
        encrypt.selectedProperty().addListener(o -> formChanged());

        box.getChildren().addAll(title, what, grid, actions, refusal);
        return box;
    }

    private void formChanged() {
        if (vm.stageProperty().get() == BenchStage.PLANNED) {
            vm.edit();
        }
    }

    // ---- what the NAS will do

    private void showPlan(BenchPlan p) {
        planCard.getChildren().clear();
        boolean shown = p != null;
        planCard.setVisible(shown);
        planCard.setManaged(shown);
        if (!shown) {
            return;
        }
        BenchRequest r = p.request();
        Label title = title("What it will do");
        HBox head = new HBox(10, title);
        head.setAlignment(Pos.CENTER_LEFT);
        if (p.simulated()) {
            head.getChildren().add(simulatedBadge("bench-plan-sim"));
        }
        Label summary = new Label("Creates " + Snippet.output(p.dataset()) + " on " + Snippet.output(p.pool()) + " (" + BenchFormat.bytes(p.freeBytes())
                + " free), writes and reads back " + BenchFormat.bytes(r.sizeBytes()) + " at " + r.compressibility()
                + " % compressible with " + p.tool().wire() + (r.encrypt() ? ", encrypted" : "")
                + ", with QAT on and then off, then destroys it.");
        summary.setWrapText(true);
        summary.setId("bench-plan-summary");
        Label estimate = new Label("Takes about " + BenchFormat.duration(p.estimate())
                + (p.simulated() ? " (modelled by the simulator)" : ""));
        estimate.setId("bench-estimate");
        estimate.getStyleClass().add(Styles.TEXT_BOLD);
        Label params = new Label("ZFS QAT parameters now: " + paramsText(p) + "; put back as they are afterwards, also when stopped.");
        params.setWrapText(true);
        params.getStyleClass().add(Css.MUTED);
        VBox steps = new VBox(3);
        steps.setId("bench-plan-steps");
        for (int i = 0; i < p.steps().size(); i++) {
            Label l = new Label((i + 1) + ". " + Snippet.output(p.steps().get(i)));
            l.setWrapText(true);
            steps.getChildren().add(l);
        }
        Button start = new Button("Start", Glyphs.icon(Glyphs.PLAY));
        start.setId("bench-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.stageProperty().isNotEqualTo(BenchStage.PLANNED));
        Button change = new Button("Change");
        change.setId("bench-change");
        change.setOnAction(e -> vm.edit());
        change.disableProperty().bind(vm.busyProperty());
        HBox actions = new HBox(10, start, change);
        planCard.getChildren().addAll(head, summary, estimate, params, steps, actions);
    }

    private static String paramsText(BenchPlan p) {
        if (p.paramsBefore().isEmpty()) {
            return "none read";
        }
        return p.paramsBefore().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().shortName() + (e.getValue() == 0 ? " on" : " off")).collect(Collectors.joining(", "));
    }

    // ---- the run as it goes

    /** The run's card, built once: its nodes change in place (a click on Stop is never lost to a rebuild). */
    private void buildProgress() {
        progressTitle.getStyleClass().add(Css.CARD_TITLE);
        Label badge = simulatedBadge("bench-progress-sim");
        badge.visibleProperty().bind(vm.simulatedProperty());
        badge.managedProperty().bind(badge.visibleProperty());
        HBox head = new HBox(10, progressTitle, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        phase.setId("bench-phase");
        bar.setId("bench-progress");
        bar.setPrefWidth(360);
        stop.setId("bench-stop");
        stop.setGraphic(Glyphs.icon(Glyphs.STOP));
        stop.getStyleClass().add(Styles.DANGER);
        stop.setOnAction(e -> vm.stop());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        running.getChildren().setAll(phase, bar, grow, stop);
        running.setAlignment(Pos.CENTER_LEFT);
        running.managedProperty().bind(running.visibleProperty());
        ListView<String> steps = new ListView<>(vm.steps());
        steps.setId("bench-steps");
        steps.setPrefHeight(150);
        steps.getStyleClass().add(Styles.DENSE);
        vm.steps().addListener((ListChangeListener<String>) c -> {
            if (!vm.steps().isEmpty()) {
                steps.scrollTo(vm.steps().size() - 1);
            }
        });
        progressCard.getChildren().setAll(head, running, passes, steps);
    }

    private void showProgress() {
        BenchStage s = vm.stageProperty().get();
        boolean shown = s == BenchStage.RUNNING || s == BenchStage.STOPPING
                || (s == BenchStage.DONE && !vm.steps().isEmpty());
        progressCard.setVisible(shown);
        progressCard.setManaged(shown);
        progressTitle.setText(s == BenchStage.DONE ? "What the NAS did" : "Running");
        running.setVisible(s == BenchStage.RUNNING || s == BenchStage.STOPPING);
        BenchProgress.Phase ph = vm.phaseProperty().get();
        phase.setText(ph == null ? "Preparing" : ph.pass().label() + ": " + switch (ph.phase()) {
            case "write" -> "writing";
            case "read" -> "reading back";
            default -> Snippet.output(ph.phase());
        } + (ph.fraction() >= 0 ? " · " + Math.round(Math.min(1, ph.fraction()) * 100) + " %" : ""));
        bar.setProgress(ph == null || ph.fraction() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : Math.min(1, ph.fraction()));
        stop.setText(s == BenchStage.STOPPING ? "Stopping… the NAS cleans up" : "Stop");
        stop.setDisable(s != BenchStage.RUNNING);
        passes.getChildren().clear();
        for (BenchRun r : vm.passesDone()) {
            Label done = new Label(r.pass().label() + " done: written " + BenchFormat.mibps(r.writeMiBps()) + ", read back "
                    + BenchFormat.mibps(r.readMiBps()));
            done.setId("bench-pass-" + r.pass().wire());
            passes.getChildren().add(done);
        }
    }

    // ---- the comparison

    private void showResult() {
        resultCard.getChildren().clear();
        var c = vm.comparisonProperty().get();
        String failure = vm.failureProperty().get();
        boolean shown = c != null || !failure.isEmpty();
        resultCard.setVisible(shown);
        resultCard.setManaged(shown);
        chart.show(c);
        if (!shown) {
            return;
        }
        Label title = title("QAT on and off, side by side");
        HBox head = new HBox(10, title);
        head.setAlignment(Pos.CENTER_LEFT);
        if (c != null && c.simulated()) {
            head.getChildren().add(simulatedBadge("bench-result-sim"));
        }
        resultCard.getChildren().add(head);
        if (!failure.isEmpty()) {
            Label f = new Label(failure);
            f.setId("bench-failure");
            f.setWrapText(true);
            f.getStyleClass().add(Styles.DANGER);
            resultCard.getChildren().add(f);
        }
        if (c == null) {
            return;
        }
        if (!c.summary().isEmpty()) {
            Label summary = new Label(c.summary());
            summary.setId("bench-summary");
            summary.setWrapText(true);
            summary.getStyleClass().add(Styles.TITLE_4);
            resultCard.getChildren().add(summary);
        }
        resultCard.getChildren().add(chart);
        GridPane lines = new GridPane();
        lines.setHgap(10);
        lines.setVgap(6);
        lines.setId("bench-outcome");
        ColumnConstraints fixed = new ColumnConstraints();
        ColumnConstraints rest = new ColumnConstraints();
        rest.setHgrow(Priority.ALWAYS);
        lines.getColumnConstraints().setAll(fixed, fixed, rest);
        int row = 0;
        for (StatusLine l : vm.outcome()) {
            Label chip = new Label(l.value());
            chip.setId("bench-" + l.id());
            chip.getStyleClass().add(Css.STATE_CHIP);
            chip.setMinWidth(Region.USE_PREF_SIZE);
            Css.tone(chip, l.tone());
            Label label = new Label(l.label());
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.getStyleClass().add(Styles.TEXT_BOLD);
            Label detail = new Label(l.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add(Css.MUTED);
            lines.addRow(row++, label, chip, detail);
        }
        resultCard.getChildren().add(lines);
    }

    // ---- parts

    /**
     * Scrolls so that {@code card} starts at the top of the view (or as near as the content allows),
     * at the next layout: the card just appeared, and the scroll pane gives the content its new
     * height (keeping what was at the top in place) only then.
     */
    private void reveal(Node card) {
        revealing = card;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Node card = revealing;
        if (card == null || !(getContent() instanceof Region content)
                || content.getHeight() + 0.5 < content.prefHeight(content.getWidth())) {
            return;   // nothing to reveal, or the content is not at its new height yet
        }
        revealing = null;
        double room = content.getHeight() - getViewportBounds().getHeight();
        double y = card.getBoundsInParent().getMinY();
        setVvalue(getVmin() + (room <= 0 ? 0 : Math.min(1, Math.max(0, y / room))) * (getVmax() - getVmin()));
    }

    private static VBox card(String id) {
        VBox box = new VBox(8);
        box.setId(id);
        box.getStyleClass().add(Css.BENCH_CARD);
        return box;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.CARD_TITLE);
        return l;
    }

    private static Label simulatedBadge(String id) {
        Label badge = new Label("SIMULATED: every figure is modelled, nothing was measured on hardware");
        badge.setId(id);
        badge.getStyleClass().add(Css.SIM_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }
}
