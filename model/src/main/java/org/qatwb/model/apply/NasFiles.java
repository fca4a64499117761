package org.qatwb.model.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.conf.ConfDocument;

/**
 * The bytes of the files an apply may write, as one snapshot read them: what each
 * {@link FileChange#before()} must hold, so that the NAS refuses a file someone changed since.
 */
public final class NasFiles {

    private final Map<String, byte[]> present;
    private final Set<String> unreadable;
    private final boolean confsUnreadable;

    private NasFiles(Map<String, byte[]> present, Set<String> unreadable, boolean confsUnreadable) {
        this.present = present;
        this.unreadable = unreadable;
        this.confsUnreadable = confsUnreadable;
    }

    /**
     * From a snapshot's output and the conf files the snapshot read from it ({@code NasSnapshot.confFiles()}:
     * taken as a map, not the snapshot, so that {@code apply} does not depend on {@code snapshot}, which reads
     * {@code apply}'s items).
     */
    public static NasFiles read(AgentOutput out, Map<String, ConfDocument> confFiles) {
        Map<String, byte[]> present = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (Map.Entry<String, ConfDocument> e : confFiles.entrySet()) {
            present.put(e.getKey(), e.getValue().toBytes());
        }
        for (AgentFrame f : out.framesStartingWith("conf:")) {
            if (f.status() != ItemStatus.OK && f.status() != ItemStatus.ABSENT) {
                unreadable.add(f.name().substring("conf:".length()));
            }
        }
        // the set read in one cat, refused whole when a file changed between the two reads
        boolean confs = out.frame("conf_files").isPresent() && confFiles.isEmpty();
        file(out, "default_qat", ApplyPaths.DEFAULT_QAT, present, unreadable);
        file(out, "blacklist", ApplyPaths.BLACKLIST, present, unreadable);
        return new NasFiles(present, unreadable, confs);
    }

    private static void file(AgentOutput out, String item, String path, Map<String, byte[]> present, Set<String> unreadable) {
        Optional<AgentFrame> f = out.frame(item);
        if (f.isEmpty() || f.get().status() == ItemStatus.ABSENT) {
            return;
        }
        if (f.get().status() == ItemStatus.OK) {
            present.put(path, f.get().content());
        } else {
            unreadable.add(path);
        }
    }

    /**
     * The bytes of {@code path} now; empty when there is no such file.
     *
     * @throws IllegalStateException when the snapshot could not read it (an apply must not guess)
     */
    public Optional<byte[]> before(String path) {
        if (unreadable.contains(path) || (confsUnreadable && !path.equals(ApplyPaths.DEFAULT_QAT)
                && !path.equals(ApplyPaths.BLACKLIST))) {
            throw new IllegalStateException(path + " could not be read on the NAS; read it again before an apply");
        }
        return Optional.ofNullable(present.get(path)).map(byte[]::clone);
    }
}
