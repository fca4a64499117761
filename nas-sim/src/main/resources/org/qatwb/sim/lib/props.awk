# QAT Workbench simulated NAS: `zfs get` and `zpool get` over the simulator's property tables.
# Variables: kind (zfs|zpool), H (scripted), P (parsable), R (recursive), fields, types, props,
# names (tab-separated datasets or pools, may be empty: a name may hold a space, never a tab).
# zfs rows:   name type property parsable human source; source n/a for a property that does not
#             apply to the dataset's type (a filesystem's volblocksize): zfs prints "-" for it when
#             it is named, and leaves it out of "all"
# zpool rows: name property parsable human source
BEGIN {
    FS = "\t"
    nf = split(fields, F, ",")
    allprops = (props == "all")
    np = split(props, PR, ",")
    for (i = 1; i <= np; i++) want[PR[i]] = i
    alltypes = (types == "all" || types == "")
    nt = split(types, T, ",")
    for (i = 1; i <= nt; i++) okt[T[i]] = 1
    nn = split(names, N, "\t")
    for (i = 1; i <= nn; i++) wantn[N[i]] = 1
    nds = 0; nrow = 0
}
{
    name = $1
    if (kind == "zfs") { type = $2; prop = $3; pv = $4; hv = $5; src = $6 }
    else { type = "pool"; prop = $2; pv = $3; hv = $4; src = $5 }
    seen[name] = 1
    known[prop] = 1
    if (kind == "zfs" && !alltypes && !(type in okt)) next
    if (nn > 0) {
        ok = (name in wantn)
        if (!ok && R) for (n in wantn) if (index(name, n "/") == 1) ok = 1
        if (!ok) next
    }
    if (!(name in dsi)) { dsi[name] = ++nds; dsn[nds] = name; cnt[name] = 0 }
    if (!allprops && !(prop in want)) next
    if (src == "n/a") {
        if (allprops) next
        pv = "-"; hv = "-"; src = "-"
    }
    idx = allprops ? ++cnt[name] : want[prop]
    if (idx > maxidx) maxidx = idx
    v = P ? pv : hv
    for (i = 1; i <= nf; i++) {
        f = F[i]
        if (f == "name") c = name
        else if (f == "property") c = prop
        else if (f == "value") c = v
        else if (f == "source") c = src
        else if (f == "received") c = "-"
        else { print "invalid field '" f "'" > "/dev/stderr"; bad = 2; exit 2 }
        cell[name, idx, i] = c
    }
    have[name, idx] = 1
}
END {
    if (bad) exit bad
    if (!allprops) for (i = 1; i <= np; i++) if (!(PR[i] in known) && index(PR[i], ":") == 0) {
        print "bad property list: invalid property '" PR[i] "'" > "/dev/stderr"
        exit 2
    }
    # a user property (module:name) a dataset does not have: zfs prints "-" for its value and source
    if (!allprops) for (d = 1; d <= nds; d++) for (k = 1; k <= np; k++) if (index(PR[k], ":") > 0 && !((dsn[d], k) in have)) {
        for (i = 1; i <= nf; i++) {
            f = F[i]
            cell[dsn[d], k, i] = (f == "name") ? dsn[d] : (f == "property") ? PR[k] : "-"
        }
        have[dsn[d], k] = 1
        if (k > maxidx) maxidx = k
    }
    rc = 0
    for (i = 1; i <= nn; i++) if (!(N[i] in seen)) {
        if (kind == "zfs") print "cannot open '" N[i] "': dataset does not exist" > "/dev/stderr"
        else print "cannot open '" N[i] "': no such pool" > "/dev/stderr"
        rc = 1
    }
    if (!H) {
        for (i = 1; i <= nf; i++) { hdr[i] = toupper(F[i]); w[i] = length(hdr[i]) }
        for (d = 1; d <= nds; d++) for (k = 1; k <= maxidx; k++) if ((dsn[d], k) in have)
            for (i = 1; i <= nf; i++) if (length(cell[dsn[d], k, i]) > w[i]) w[i] = length(cell[dsn[d], k, i])
        line = ""
        for (i = 1; i <= nf; i++) line = line (i < nf ? sprintf("%-" w[i] "s  ", hdr[i]) : hdr[i])
        if (nds > 0) print line
    }
    for (d = 1; d <= nds; d++) for (k = 1; k <= maxidx; k++) if ((dsn[d], k) in have) {
        line = ""
        for (i = 1; i <= nf; i++) {
            c = cell[dsn[d], k, i]
            if (H) line = line (i > 1 ? "\t" : "") c
            else line = line (i < nf ? sprintf("%-" w[i] "s  ", c) : c)
        }
        print line
    }
    exit rc
}
