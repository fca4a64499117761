/** TrueNAS SCALE's middleware, as far as {@code midclt call initshutdownscript.*} reaches it. */
package org.qatwb.sim.truenas;
