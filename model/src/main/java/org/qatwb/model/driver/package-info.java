/**
 * The QAT 1.7 kernel driver's instance allocator as a pure model: which bank and position each
 * instance of a conf file takes, or the first instance the driver refuses and why.
 *
 * <p>Written from {@code docs/driver/allocator.md}, which cites the driver source; step labels in
 * comments (A2, D4, ...) are that document's. Independent of the lint rules on purpose: the rules
 * are to be derived from this model, not the other way round.
 */
package org.qatwb.model.driver;
