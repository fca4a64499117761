package org.qatwb.model.doctor;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.text.UnifiedDiff;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What repairs a link, as data: the workbench applies the first three kinds through its own paths
 * (parameter toggles, diff-and-write, keep after reboot); a {@link CommandFix} is for a human.
 * Each is computed from the snapshot the doctor examined: after applying one, examine again.
 */
public sealed interface Fix {

    /** One line: the command or the file change. */
    String summary();

    /** {@code param}, {@code file}, {@code persist} or {@code command}: the JSON's {@code fixKind}. */
    String kind();

    /**
     * Write {@code value} to {@code /sys/module/zfs/parameters/zfs_qat_<param>_disable}
     * (0 turns that offload on).
     */
    record ParamFix(ZfsParam param, int value) implements Fix {
        public ParamFix {
            Objects.requireNonNull(param, "param");
            if (value != 0 && value != 1) {
                throw new IllegalArgumentException("a ZFS QAT parameter is 0 or 1, not " + value);
            }
        }

        @Override
        public String summary() {
            return "echo " + value + " > /sys/module/zfs/parameters/" + param.sysfsName() + " (qatwb params --"
                    + param.shortName() + (value == 0 ? " on" : " off") + ")";
        }

        @Override
        public String kind() {
            return "param";
        }
    }

    /**
     * Replace a file's text: {@code oldText} is what the snapshot read (empty for a file that does not
     * exist), {@code newText} the whole new file, made with the project's own reader of that file and
     * read back with it. An empty {@code newText} leaves nothing in the file (the diff shows
     * {@code /dev/null}); removing the file instead is the same to its reader.
     *
     * @param path    the file on the NAS
     * @param oldText the file as read
     * @param newText the file as it should be
     * @param charset how the texts map to the file's bytes (ISO-8859-1 for conf files: one char a byte)
     * @param change  one line: what changes ({@code set ENABLE_KAPI=1 (line 5)})
     */
    record FileFix(String path, String oldText, String newText, Charset charset, String change) implements Fix {
        public FileFix {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(oldText, "oldText");
            Objects.requireNonNull(newText, "newText");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(change, "change");
        }

        /** The unified diff from the file as read to the new text. */
        public String diff() {
            return UnifiedDiff.of(path, path, oldText, newText);
        }

        /** The new file's bytes. */
        public byte[] bytes() {
            return newText.getBytes(charset);
        }

        @Override
        public String summary() {
            return (oldText.isEmpty() ? "create " : "edit ") + path + ": " + change;
        }

        @Override
        public String kind() {
            return "file";
        }
    }

    /** Keep the parameters that are on at 0 after every boot, as {@code qatwb params --keep-after-reboot} does. */
    record PersistFix(PersistPlan plan) implements Fix {
        public PersistFix {
            Objects.requireNonNull(plan, "plan");
        }

        @Override
        public String summary() {
            String what = plan.keep().isEmpty() ? "keep nothing" : "keep " + KeepList.word(plan.keep()) + " on";
            return what + " after every boot (" + plan.action().name().toLowerCase(Locale.ROOT) + " "
                    + (plan.target() == PersistTarget.SYSTEMD_UNIT ? "the systemd unit " + ZfsQatUnit.NAME
                    : "the " + PersistPlan.INIT_SCRIPT_NAME)
                    + "): qatwb params " + flags(plan) + "--keep-after-reboot";
        }

        private static String flags(PersistPlan plan) {
            StringBuilder f = new StringBuilder();
            for (ZfsParam p : ZfsParam.values()) {
                f.append("--").append(p.shortName()).append(plan.keep().contains(p) ? " on " : " off ");
            }
            return f.toString();
        }

        @Override
        public String kind() {
            return "persist";
        }
    }

    /**
     * Commands for an administrator to run on the NAS (a rebuild, a restart, a {@code zfs set}).
     *
     * @param commands the commands, in order
     * @param why      one line: what they do, and anything to do first
     */
    record CommandFix(List<String> commands, String why) implements Fix {
        public CommandFix {
            commands = List.copyOf(commands);
            Objects.requireNonNull(why, "why");
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("a command fix needs a command");
            }
        }

        @Override
        public String summary() {
            // the commands name datasets as the NAS does, control characters and all
            return "run " + Snippet.oneLine(String.join("; ", commands)) + " (" + why + ")";
        }

        @Override
        public String kind() {
            return "command";
        }
    }
}
