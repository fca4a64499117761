#!/bin/sh
# The installed package's qatwb command (/usr/bin/qatwb is a link to this file, made by the
# package's postinst): the window without arguments, or with only the log level, and the command
# line with arguments, decided as the checkout's ./qatwb decides. A jpackage launcher has one fixed
# set of JVM options, so each mode has its own beside this file: bin/qatwb the window's,
# bin/qatwb-cli the command line's (both set in app/pom.xml, profile "package").
set -eu
# this file is <image>/lib/app/qatwb.sh, reached through the link
self=$(readlink -f -- "$0")
image=${self%/lib/app/*}
# QATWB_JAVA_OPTS: JVM options that win over the launchers' own, as with ./qatwb. A jpackage
# launcher reads no JVM options from the command line; HotSpot reads _JAVA_OPTIONS after the
# launcher's own (so its -Xmx wins), and says so on stderr ("Picked up _JAVA_OPTIONS")
if [ -n "${QATWB_JAVA_OPTS:-}" ]; then
    _JAVA_OPTIONS="${_JAVA_OPTIONS:+$_JAVA_OPTIONS }$QATWB_JAVA_OPTS"
    export _JAVA_OPTIONS
fi
window=0
case $# in
    0) window=1 ;;
    1) case $1 in --log-level=*) window=1 ;; esac ;;
    2) [ "$1" = --log-level ] && window=1 ;;
esac
if [ "$window" = 1 ]; then
    # GTK's own OpenGL set-up, which JavaFX never uses, costs about 50 MB resident on a machine
    # without a GPU driver (docs/architecture.md, "Launcher"); a GDK_GL the user set is kept
    GDK_GL=${GDK_GL:-disable}
    export GDK_GL
    exec "$image/bin/qatwb" "$@"
fi
exec "$image/bin/qatwb-cli" "$@"
