# shellcheck shell=bash
# What the benchmarks read of a process in /proc, shared by bench/at-rest.sh and bench/exporter.sh
# (sourced, not run).

# utime+stime of a process (or PID/task/TID), in clock ticks: fields 14 and 15 of its stat; the
# command name in field 2 may hold blanks, so count from the closing parenthesis
cpu_ticks() {
    local stat
    stat=$(cat "/proc/$1/stat")
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    echo $(( ${12} + ${13} ))
}

# a field of /proc/PID/status in KiB: kib PID VmRSS
kib() {
    awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"
}
