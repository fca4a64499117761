package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Datasets made and destroyed over real SSH, as zfs(8) makes them and refuses them (cmd/zfs/zfs_main.c,
 * lib/libzfs/libzfs_dataset.c and libzfs_crypto.c), and the pools' space they take.
 */
class ZfsDatasetsTest {

    private static final String BENCH = "-o compression=gzip -o recordsize=128K -o checksum=sha256 -o primarycache=metadata"
            + " -o org.qatwb:bench=20261208T020000Z-1a2b3c4d";

    static SimulatedNas nas;
    static MinaClient ssh;

    @BeforeAll
    static void start() throws Exception {
        nas = SimulatedNas.start(SimOptions.driven("c62x"));
        ssh = new MinaClient(nas.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        ssh.close();
        nas.close();
    }

    private static MinaClient.Result run(String command) throws Exception {
        return ssh.exec(command);
    }

    private static Map<String, String> props(String ds) throws Exception {
        MinaClient.Result r = run("zfs get -H -p -o property,value all " + ds);
        assertEquals(0, r.rc(), r.err());
        return r.out().lines().map(l -> l.split("\t", 2)).collect(Collectors.toMap(f -> f[0], f -> f[1]));
    }

    @Test
    void aDatasetIsMadeMountedOnARealDirectoryListedAndDestroyed() throws Exception {
        MinaClient.Result made = run("zfs create " + BENCH + " tank/qatwb-bench-a");
        assertEquals(0, made.rc(), made.err());
        assertEquals("", made.out() + made.err());
        Map<String, String> p = props("tank/qatwb-bench-a");
        assertEquals("gzip", p.get("compression"));
        assertEquals("131072", p.get("recordsize"));
        assertEquals("sha256", p.get("checksum"));
        assertEquals("metadata", p.get("primarycache"));
        assertEquals("20261208T020000Z-1a2b3c4d", p.get("org.qatwb:bench"));
        assertEquals("off", p.get("encryption"), "tank is not encrypted: nothing to inherit");
        Path mnt = Path.of(p.get("mountpoint"));
        assertTrue(Files.isDirectory(mnt), "mounted on a real directory: " + mnt);
        assertTrue(mnt.startsWith(nas.root()), mnt.toString());
        assertEquals("0", p.get("used"));

        MinaClient.Result list = run("zfs list -H -p -o name,org.qatwb:bench -t filesystem");
        assertEquals(0, list.rc(), list.err());
        assertTrue(list.out().contains("tank/qatwb-bench-a\t20261208T020000Z-1a2b3c4d\n"), list.out());
        assertTrue(list.out().contains("tank/backup\t-\n"), "a user property not set is -: " + list.out());
        assertEquals("20261208T020000Z-1a2b3c4d\n", run("zfs get -H -p -o value org.qatwb:bench tank/qatwb-bench-a").out());
        assertEquals("-\n", run("zfs get -H -p -o value org.qatwb:bench tank/backup").out());

        Files.write(mnt.resolve("data"), new byte[1 << 20]);
        MinaClient.Result sync = run("zpool sync tank");
        assertEquals(0, sync.rc(), sync.err());
        assertEquals("1048576", props("tank/qatwb-bench-a").get("logicalused"), "the real bytes count");

        MinaClient.Result gone = run("zfs destroy tank/qatwb-bench-a");
        assertEquals(0, gone.rc(), gone.err());
        assertFalse(Files.exists(mnt), "destroyed with its data");
        MinaClient.Result after = run("zfs list -H -o name tank/qatwb-bench-a");
        assertEquals(1, after.rc());
        assertEquals("cannot open 'tank/qatwb-bench-a': dataset does not exist\n", after.err());
    }

    @Test
    void zfsRefusesAsZfsDoes() throws Exception {
        assertRefused("zfs create tank/backup", 1, "cannot create 'tank/backup': dataset already exists\n");
        assertRefused("zfs create nopool/x", 1, "cannot create 'nopool/x': no such pool 'nopool'\n");
        assertRefused("zfs create tank/none/x", 1, "cannot create 'tank/none/x': parent does not exist\n");
        assertRefused("zfs create -o compression=gzip-10 tank/c", 1, "cannot create 'tank/c': 'compression' must be one of"
                + " 'on | off | lzjb | gzip | gzip-[1-9] | zle | lz4 | zstd | zstd-[1-19] | zstd-fast | "
                + "zstd-fast-[1-10,20,30,40,50,60,70,80,90,100,500,1000]'\n");
        assertRefused("zfs create -o recordsize=100K tank/c", 1,
                "cannot create 'tank/c': 'recordsize' must be power of 2 from 512B to 16M\n");
        assertRefused("zfs create -o checksum=md5 tank/c", 1, "cannot create 'tank/c': 'checksum' must be one of"
                + " 'on | off | fletcher2 | fletcher4 | sha256 | sha512 | skein | edonr | blake3'\n");
        assertRefused("zfs create -o nosuch=1 tank/c", 1, "cannot create 'tank/c': invalid property 'nosuch'\n");
        assertRefused("zfs create -o encryption=aes-256-gcm tank/c", 1,
                "cannot create 'tank/c': Keyformat required for new encryption root.\n");
        assertRefused("zfs destroy tank", 1, "cannot destroy 'tank': operation does not apply to pools\n"
                + "use 'zfs destroy -r tank' to destroy all datasets in the pool\n"
                + "use 'zpool destroy tank' to destroy the pool itself\n");
        assertRefused("zfs destroy tank/nothere", 1, "cannot open 'tank/nothere': dataset does not exist\n");
        assertRefused("zpool sync nopool", 1, "cannot open 'nopool': no such pool\n");
        assertFalse(run("zfs list -H -o name").out().contains("tank/c\n"), "nothing made by a refusal");
    }

    @Test
    void aParentWithChildrenNeedsRecursion() throws Exception {
        assertEquals(0, run("zfs create tank/p && zfs create tank/p/q").rc());
        assertRefused("zfs destroy tank/p", 1, "cannot destroy 'tank/p': filesystem has children\n"
                + "use '-r' to destroy the following datasets:\ntank/p/q\n");
        assertEquals(0, run("zfs destroy -r tank/p").rc());
        assertEquals("", run("zfs list -H -o name -r tank | grep '^tank/p'").out());
    }

    @Test
    void anEncryptedDatasetTakesARawKeyOfExactly32Bytes() throws Exception {
        Path key = nas.root().resolve("var/lib/qatwb/key");
        Files.createDirectories(key.getParent());
        Files.write(key, new byte[31]);
        String create = "zfs create -o encryption=aes-256-gcm -o keyformat=raw -o keylocation=file://" + key + " tank/enc";
        assertRefused(create, 1, "cannot create 'tank/enc': Raw key too short (expected 32).\n");
        Files.write(key, new byte[32]);
        MinaClient.Result r = run(create);
        assertEquals(0, r.rc(), r.err());
        Map<String, String> p = props("tank/enc");
        assertEquals("aes-256-gcm", p.get("encryption"));
        assertEquals("raw", p.get("keyformat"));
        assertEquals("file://" + key, p.get("keylocation"));
        assertRefused("zfs set encryption=off tank/enc", 1, "cannot set property for 'tank/enc': 'encryption' is readonly\n");
        assertEquals(0, run("zfs destroy tank/enc").rc());
    }

    @Test
    void theSpaceADatasetCanUseIsThePoolsFreeLessSlop() throws Exception {
        MinaClient.Result pools = run("zpool list -H -p -o name,size,allocated,free,health");
        assertEquals(0, pools.rc(), pools.err());
        String[] f = pools.out().strip().split("\t");
        assertEquals("tank", f[0]);
        long size = Long.parseLong(f[1]);
        long free = Long.parseLong(f[3]);
        assertEquals(size, Long.parseLong(f[2]) + free);
        assertEquals("ONLINE", f[4]);
        String avail = run("zfs get -H -p -o name,value available tank").out();
        assertEquals("tank\t" + (free - (128L << 30)) + "\n", avail, "16 TiB pool: slop capped at 128 GiB (spa_get_slop_space)");
    }

    private static void assertRefused(String command, int rc, String err) throws Exception {
        MinaClient.Result r = run(command);
        assertEquals(err, r.err(), command);
        assertEquals(rc, r.rc(), command);
    }
}
