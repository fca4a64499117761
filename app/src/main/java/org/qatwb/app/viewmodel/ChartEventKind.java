package org.qatwb.app.viewmodel;

/** placeholder until the history lands */
public enum ChartEventKind { PARAM_CHANGE, RESTART, RECONNECT }
