package org.qatwb.app.viewmodel;

import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;

/** Opens a NAS (blocking; called in the background): the application's is {@code NasLink.open} with the window's prompts. */
@FunctionalInterface
public interface NasOpener {

    NasLink open(NasTarget target) throws Exception;
}
