package org.qatwb.app.viewmodel;

import java.util.List;
import org.qatwb.model.snapshot.StreamSample;

/** placeholder */
public final class LiveChartsViewModel {
    public void add(List<StreamSample> batch) { }
    public void mark(ChartEventKind kind, String label) { }
}
