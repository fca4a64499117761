# QAT Workbench simulated NAS: `zfs list` over the simulator's dataset table (the rows of props.awk).
# Variables: H (scripted), P (parsable), R (recursive), fields (comma-separated properties, name
# included; avail is available, refer is referenced), types, names (tab-separated datasets, may be empty).
# One line per dataset, sorted by name as zfs_compare sorts without -s (cmd/zfs/zfs_iter.c); a user
# property not set is "-"; an unknown property is zfs's "bad property list".
BEGIN {
    FS = "\t"
    nf = split(fields, F, ",")
    for (i = 1; i <= nf; i++) {
        if (F[i] == "avail") F[i] = "available"
        else if (F[i] == "refer") F[i] = "referenced"
        H1[i] = toupper(F[i] == "available" ? "avail" : F[i] == "referenced" ? "refer" : F[i])
    }
    alltypes = (types == "all" || types == "")
    nt = split(types, T, ",")
    for (i = 1; i <= nt; i++) okt[T[i]] = 1
    nn = split(names, N, "\t")
    for (i = 1; i <= nn; i++) wantn[N[i]] = 1
    nds = 0
}
{
    name = $1
    seen[name] = 1
    known[$3] = 1
    if (!(name in dsi)) { dsi[name] = ++nds; dsn[nds] = name; dtype[name] = $2 }
    val[name, $3] = P ? $4 : $5
}
END {
    known["name"] = 1
    known["referenced"] = 1
    for (i = 1; i <= nf; i++) if (!(F[i] in known) && index(F[i], ":") == 0) {
        print "bad property list: invalid property '" F[i] "'" > "/dev/stderr"
        exit 2
    }
    rc = 0
    for (i = 1; i <= nn; i++) if (!(N[i] in seen)) {
        print "cannot open '" N[i] "': dataset does not exist" > "/dev/stderr"
        rc = 1
    }
    # the datasets to show, then sorted by name (byte order: LC_ALL=C)
    m = 0
    for (d = 1; d <= nds; d++) {
        n = dsn[d]
        if (!alltypes && !(dtype[n] in okt)) continue
        if (nn > 0) {
            ok = (n in wantn)
            if (!ok && R) for (w in wantn) if (index(n, w "/") == 1) ok = 1
            if (!ok) continue
        }
        S[++m] = n
    }
    for (i = 2; i <= m; i++) { v = S[i]; j = i - 1; while (j > 0 && S[j] > v) { S[j + 1] = S[j]; j-- } S[j + 1] = v }
    if (!H && m > 0) {
        line = ""
        for (i = 1; i <= nf; i++) line = line (i > 1 ? "  " : "") H1[i]
        print line
    }
    for (k = 1; k <= m; k++) {
        n = S[k]
        line = ""
        for (i = 1; i <= nf; i++) {
            f = F[i]
            if (f == "name") c = n
            else if (f == "referenced") c = ((n, "used") in val) ? val[n, "used"] : "-"
            else c = ((n, f) in val) ? val[n, f] : "-"
            line = line (i > 1 ? (H ? "\t" : "  ") : "") c
        }
        print line
    }
    exit rc
}
