package org.qatwb.app.gui.fleet;

import java.util.Comparator;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.qatwb.app.gui.Css;
import org.qatwb.app.workbench.Tone;

/**
 * A cell's status word with its tone, as the fleet table shows it: a coloured chip. Sorted worst
 * first (bad, warn, good, then nothing known), then by the word.
 */
record Chip(String text, Tone tone) {

    static final Comparator<Chip> WORST_FIRST = Comparator.comparingInt((Chip c) -> rank(c.tone()))
            .thenComparing(Chip::text);

    /** The pair of a row's text and tone properties as one value, so a cell redraws when either changes. */
    static ObservableValue<Chip> of(ObservableValue<String> text, ObservableValue<Tone> tone) {
        // the binding's listeners are weak: a cell that drops it leaves nothing behind on the row
        return Bindings.createObjectBinding(() -> new Chip(text.getValue(), tone.getValue()), text, tone);
    }

    private static int rank(Tone t) {
        return switch (t) {
            case BAD -> 0;
            case WARN -> 1;
            case GOOD -> 2;
            case NEUTRAL -> 3;
        };
    }

    /** Draws a {@link Chip}. */
    static final class Cell<S> extends TableCell<S, Chip> {
        private final Label label = new Label();

        Cell() {
            label.getStyleClass().add(Css.STATE_CHIP);
        }

        @Override
        protected void updateItem(Chip chip, boolean empty) {
            super.updateItem(chip, empty);
            if (empty || chip == null) {
                setGraphic(null);
                return;
            }
            label.setText(chip.text());
            Css.tone(label, chip.tone());
            setGraphic(label);
        }
    }
}
