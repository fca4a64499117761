package org.qatwb.model.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** zia.status: absent, all off, on without a provider, on with one. */
class ZiaCheckTest {

    private static final String ZIA_OFF = "tank\tsize\t1000\ntank\tzia_available\tyes\ntank\tzia_provider\toff\n"
            + "tank\tzia_compress\toff\ntank\tzia_checksum\toff\n";

    @Test
    void noZiaPropertiesSkip() {
        CheckResult r = Host.c62x().check(Check.ZIA_STATUS);
        assertEquals(CheckStatus.SKIP, r.status());
        assertTrue(r.message().startsWith("Z.I.A. absent"), r.message());
    }

    @Test
    void ziaAvailableWithNothingOnPasses() {
        CheckResult r = Host.c62x().ok("zpool_get", ZIA_OFF).check(Check.ZIA_STATUS);
        assertEquals(CheckStatus.PASS, r.status());
        assertTrue(r.message().contains("nothing on"), r.message());
    }

    @Test
    void onWithoutAProviderFails() {
        CheckResult r = Host.c62x().ok("zpool_get", ZIA_OFF.replace("zia_compress\toff", "zia_compress\ton"))
                .datasets(Host.dataset("tank", "gzip", "on", "off", "131072")).check(Check.ZIA_STATUS);
        assertEquals(CheckStatus.FAIL, r.status());
        assertEquals("tank: zia_compress on, but zia_provider is not set: Z.I.A. offloads nothing", r.message());
        assertTrue(r.fixSummary().orElseThrow().contains("zpool set zia_provider=<provider> tank"));
    }

    @Test
    void onWithAProviderPassesUnlessThePoolHasEncryptedDatasets() {
        String on = ZIA_OFF.replace("zia_compress\toff", "zia_compress\ton").replace("zia_provider\toff", "zia_provider\tqat");
        CheckResult encrypted = Host.c62x().ok("zpool_get", on).check(Check.ZIA_STATUS);
        assertEquals(CheckStatus.FAIL, encrypted.status(), "tank/backup is encrypted: the fork does not turn it off");
        assertTrue(encrypted.message().contains("encryption or dedup in use"), encrypted.message());
        assertTrue(encrypted.message().contains("tank/backup (aes-256-gcm) is encrypted"), encrypted.message());
        CheckResult plain = Host.c62x().ok("zpool_get", on).datasets(Host.dataset("tank", "gzip", "on", "off", "131072"))
                .check(Check.ZIA_STATUS);
        assertEquals(CheckStatus.PASS, plain.status());
        assertEquals("tank: zia_compress through provider qat", plain.message());
    }
}
