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
