/**
 * Text utilities with no domain of their own, used wherever a change is shown before it is made:
 * {@link org.qatwb.model.text.UnifiedDiff}.
 */
package org.qatwb.model.text;
