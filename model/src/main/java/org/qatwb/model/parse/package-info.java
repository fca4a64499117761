/** What every parser of remote output shares: its error type. */
package org.qatwb.model.parse;
