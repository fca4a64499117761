package org.qatwb.model.etc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits shell text into simple commands and words the way bash does for the small subset that
 * matters to a sourced settings file: blanks, newlines and {@code ;} separate, {@code #} at the
 * start of a word comments to the end of the line, single and double quotes and backslashes quote,
 * backslash-newline continues a line. Nothing is expanded; expansions and control operators are
 * only flagged, so that the caller can refuse to guess.
 */
final class ShellLexer {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * @param text      the word after quote removal
     * @param assignAt  index of the {@code =} that makes the word an assignment, or -1 (bash needs an
     *                  unquoted valid name before an unquoted {@code =})
     * @param expansion whether an unquoted or double-quoted {@code $} or backquote appears
     * @param line      1-based line where the word starts
     */
    record Word(String text, int assignAt, boolean expansion, int line) {
        boolean isAssignment() {
            return assignAt > 0;
        }

        String name() {
            return text.substring(0, assignAt);
        }

        String value() {
            return text.substring(assignAt + 1);
        }
    }

    /**
     * @param words        the words, possibly none
     * @param line         1-based line where the command starts
     * @param source       the command's text as written, for messages
     * @param operator     whether a control or redirection operator ({@code | & < > ( )}) appears
     * @param unterminated whether a quote is still open at the end of the text
     */
    record Command(List<Word> words, int line, String source, boolean operator, boolean unterminated) {
    }

    /** A comment that fills its line (after blanks): its text after the {@code #}. */
    record Comment(String text, int line) {
    }

    record Result(List<Command> commands, List<Comment> comments) {
    }

    private final String in;
    private int pos;
    private int line = 1;
    private final List<Command> commands = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();

    private List<Word> words = new ArrayList<>();
    private int commandStart = -1;
    private int commandLine;
    private boolean operator;
    private StringBuilder word;
    private int firstQuoted;
    private boolean expansion;
    private int wordLine;

    private ShellLexer(String in) {
        this.in = in;
    }

    static Result lex(String text) {
        ShellLexer lexer = new ShellLexer(text);
        lexer.run();
        return new Result(List.copyOf(lexer.commands), List.copyOf(lexer.comments));
    }

    private void run() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            switch (c) {
                case '\n' -> {
                    endCommand(pos, false);
                    pos++;
                    line++;
                }
                case ' ', '\t' -> {
                    endWord();
                    pos++;
                }
                case ';' -> {
                    endCommand(pos, false);
                    pos++;
                }
                case '|', '&', '<', '>', '(', ')' -> {
                    touchCommand();
                    endWord();
                    operator = true;
                    pos++;
                }
                case '#' -> {
                    if (word != null) {
                        append(c);
                        pos++;
                    } else {
                        int end = in.indexOf('\n', pos);
                        end = end < 0 ? in.length() : end;
                        if (word == null && blankBefore(pos)) {
                            comments.add(new Comment(in.substring(pos + 1, end), line));
                        }
                        pos = end;
                    }
                }
                case '\\' -> backslash();
                case '\'' -> {
                    if (!singleQuoted()) {
                        return;
                    }
                }
                case '"' -> {
                    if (!doubleQuoted()) {
                        return;
                    }
                }
                case '$', '`' -> substitution(c);
                default -> {
                    append(c);
                    pos++;
                }
            }
        }
        endCommand(in.length(), false);
    }

    /**
     * {@code $(...)} and backquotes belong to the word they are in, blanks and parentheses
     * included; they are kept as text (nesting counted, quotes inside not interpreted).
     */
    private void substitution(char c) {
        append(c);
        expansion = true;
        pos++;
        int end = -1;
        if (c == '`') {
            end = in.indexOf('`', pos);
        } else if (pos < in.length() && in.charAt(pos) == '(') {
            int depth = 0;
            for (int i = pos; i < in.length(); i++) {
                char d = in.charAt(i);
                depth += d == '(' ? 1 : d == ')' ? -1 : 0;
                if (depth == 0) {
                    end = i;
                    break;
                }
            }
        } else {
            return;
        }
        if (end < 0) {
            endCommand(in.length(), true);
            pos = in.length();
            return;
        }
        String inside = in.substring(pos, end + 1);
        word.append(inside);
        line += count(inside, '\n');
        pos = end + 1;
    }

    private void backslash() {
        if (pos + 1 < in.length() && in.charAt(pos + 1) == '\n') {
            pos += 2;
            line++;
            return;
        }
        markQuoted();
        if (pos + 1 < in.length()) {
            append(in.charAt(pos + 1));
            pos += 2;
        } else {
            append('\\');
            pos++;
        }
    }

    private boolean singleQuoted() {
        markQuoted();
        int close = in.indexOf('\'', pos + 1);
        if (close < 0) {
            endCommand(in.length(), true);
            return false;
        }
        String inside = in.substring(pos + 1, close);
        word.append(inside);
        line += count(inside, '\n');
        pos = close + 1;
        return true;
    }

    private boolean doubleQuoted() {
        markQuoted();
        int i = pos + 1;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return true;
            }
            if (c == '\\' && i + 1 < in.length() && "$`\"\\\n".indexOf(in.charAt(i + 1)) >= 0) {
                char next = in.charAt(i + 1);
                if (next == '\n') {
                    line++;
                } else {
                    word.append(next);
                }
                i += 2;
                continue;
            }
            if (c == '$' || c == '`') {
                expansion = true;
            }
            if (c == '\n') {
                line++;
            }
            word.append(c);
            i++;
        }
        endCommand(in.length(), true);
        return false;
    }

    /** Whether only blanks precede {@code at} on its line. */
    private boolean blankBefore(int at) {
        int lineStart = in.lastIndexOf('\n', at - 1) + 1;
        return in.substring(lineStart, at).isBlank();
    }

    private void touchCommand() {
        if (commandStart < 0) {
            commandStart = pos;
            commandLine = line;
        }
    }

    private void startWord() {
        if (word == null) {
            touchCommand();
            word = new StringBuilder();
            firstQuoted = -1;
            expansion = false;
            wordLine = line;
        }
    }

    private void append(char c) {
        startWord();
        word.append(c);
    }

    private void markQuoted() {
        startWord();
        if (firstQuoted < 0) {
            firstQuoted = word.length();
        }
    }

    private void endWord() {
        if (word == null) {
            return;
        }
        String text = word.toString();
        int eq = text.indexOf('=');
        boolean assignment = eq > 0 && (firstQuoted < 0 || firstQuoted > eq)
                && NAME.matcher(text.substring(0, eq)).matches();
        words.add(new Word(text, assignment ? eq : -1, expansion, wordLine));
        word = null;
    }

    private void endCommand(int end, boolean unterminated) {
        endWord();
        if (commandStart >= 0) {
            commands.add(new Command(List.copyOf(words), commandLine, in.substring(commandStart, end),
                    operator, unterminated));
        }
        words = new ArrayList<>();
        commandStart = -1;
        operator = false;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
