/**
 * The bounded history behind the live offload charts: {@link org.qatwb.model.history.SeriesCatalog}
 * (which series exist, derived from the QAT kstat counters, plus per-device firmware requests/s),
 * {@link org.qatwb.model.history.OffloadHistory} (24 hours at 1 Hz in primitive ring arrays, event
 * markers, min/max decimation per pixel column), {@link org.qatwb.model.history.FirmwareRateTracker},
 * {@link org.qatwb.model.history.HistoryRecorder} (stream samples in) and
 * {@link org.qatwb.model.history.HistoryCsv} (a window out).
 *
 * <p>A rate that cannot be computed (first sample, counter reset, reconnect) is NaN in the history
 * and a gap in the charts, never a spike.
 */
package org.qatwb.model.history;
