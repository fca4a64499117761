package org.qatwb.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.qatwb.app.gui.Css;
import org.qatwb.app.viewmodel.NasViewModel;
import org.qatwb.app.workbench.QatCards;
import org.qatwb.model.snapshot.NasSnapshot;

/** Each QAT card with its generation, the driver that owns it and what ZFS can use of it ({@link QatCards}). */
final class QatCardsCard extends VBox {

    private final GridPane grid = new GridPane();

    QatCardsCard(NasViewModel nas) {
        setId("qat-cards");
        setSpacing(8);
        Label title = new Label("QAT cards and their drivers");
        title.getStyleClass().add(Css.CARD_TITLE);
        grid.getStyleClass().add(Css.STATUS_GRID);
        getChildren().addAll(title, grid);
        nas.snapshotProperty().addListener((o, a, s) -> show(s));
        show(nas.snapshotProperty().get());
    }

    private void show(NasSnapshot s) {
        grid.getChildren().clear();
        if (s == null) {
            return;
        }
        QatCards.Cards cards = QatCards.of(s);
        int row = 0;
        for (String conflict : cards.conflicts()) {
            Label l = new Label(conflict);
            l.setId("qat-cards-conflict-" + row);
            l.setWrapText(true);
            l.setMaxWidth(320);
            l.getStyleClass().add(Styles.DANGER);
            grid.add(l, 0, row++, 3, 1);
        }
        if (cards.lines().isEmpty()) {
            Label none = new Label(cards.empty());
            none.setId("qat-cards-empty");
            none.getStyleClass().add(Css.MUTED);
            grid.add(none, 0, row, 3, 1);
            return;
        }
        for (QatCards.Line line : cards.lines()) {
            Circle dot = new Circle(5);
            dot.getStyleClass().add(Css.STATUS_DOT);
            Css.tone(dot, line.tone());
            Label bsf = new Label(line.bsf());
            bsf.getStyleClass().add(Css.MUTED);
            bsf.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label owner = new Label(line.owner());
            owner.setId("qat-card-" + line.bsf().replace(':', '-').replace('.', '-'));
            owner.setStyle("-fx-font-weight: bold");
            owner.setWrapText(true);
            owner.setMaxWidth(260);
            Label what = new Label(line.title() + " · " + line.zfs());
            what.getStyleClass().addAll(Css.MUTED, Styles.TEXT_SMALL);
            what.setWrapText(true);
            what.setMaxWidth(260);
            Tooltip.install(owner, new Tooltip(line.detail()));
            grid.addRow(row++, dot, bsf, new VBox(1, owner, what));
        }
    }
}
