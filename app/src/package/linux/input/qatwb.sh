#!/bin/sh
# The installed package's qatwb command (/usr/bin/qatwb is a link to this file, made by the
# package's postinst; the desktop entry runs it too): the window without arguments, or with only
# the log level, and the command line with arguments, decided as the checkout's ./qatwb decides.
#
# Each mode's JVM options and class path are those jpackage wrote for its launcher (lib/app/qatwb.cfg
# for the window, lib/app/qatwb-cli.cfg for the command line; set in app/pom.xml, profile
# "package"), but this runs the bundled java with them instead of the launcher binaries in bin/:
# JDK 17's Linux launcher asks the package manager which package owns it at every start (rpm -qf,
# dpkg -S, dpkg -L: about 0.25 s, seen with strace), a second of waiting for every command.
set -eu
# this file is <image>/lib/app/qatwb.sh, reached through the link
self=$(readlink -f -- "$0")
app=${self%/*}
image=${app%/lib/app}
window=0
case $# in
    0) window=1 ;;
    1) case $1 in --log-level=*) window=1 ;; esac ;;
    2) [ "$1" = --log-level ] && window=1 ;;
esac
if [ "$window" = 1 ]; then
    cfg=$app/qatwb.cfg
    # GTK's own OpenGL set-up, which JavaFX never uses, costs about 50 MB resident on a machine
    # without a GPU driver (docs/architecture.md, "Launcher"); a GDK_GL the user set is kept
    GDK_GL=${GDK_GL:-disable}
    export GDK_GL
else
    cfg=$app/qatwb-cli.cfg
fi
[ -r "$cfg" ] || { echo "qatwb: $cfg is missing: reinstall the qatwb package" >&2; exit 2; }

# The java command line is built in the positional parameters, after the user's arguments, which
# are then rotated to its end: POSIX sh has no arrays, and no argument is ever split or globbed.
# Options one per line, $APPDIR as the launcher expands it; QATWB_JAVA_OPTS after them, so that
# its options win (as with ./qatwb; split on blanks, JAVA_OPTS style).
given=$#
classpath=''
main=''
while IFS= read -r line; do
    case $line in
        app.classpath=*) classpath=$classpath${classpath:+:}${line#app.classpath=} ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
        java-options=*) set -- "$@" "${line#java-options=}" ;;
    esac
done <<EOF
$(sed "s|\$APPDIR|$app|g" "$cfg")
EOF
# the command line's app class data archive (AppCDS: its classes mapped instead of loaded, about
# half of its start), made by the deb's postinst for these jars here; a stale one (jars changed,
# the image moved) is refused silently, and the JDK's own archive serves alone
if [ "$window" = 0 ] && [ -f "$app/qatwb-cli.jsa" ]; then
    set -- "$@" -XX:SharedArchiveFile="$app/qatwb-cli.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
fi
# shellcheck disable=SC2086
[ -z "${QATWB_JAVA_OPTS:-}" ] || set -- "$@" $QATWB_JAVA_OPTS
if [ -z "$main" ] || [ -z "$classpath" ]; then
    echo "qatwb: $cfg names no main class or class path: reinstall the qatwb package" >&2
    exit 2
fi
set -- "$@" -cp "$classpath" "$main"
while [ "$given" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    given=$((given - 1))
done
exec "$image/lib/runtime/bin/java" "$@"
