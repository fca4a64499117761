package org.qatwb.ssh.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigTest {

    @TempDir
    Path home;
    Path sshDir;
    SshEnvironment env;

    @BeforeEach
    void setUp() throws IOException {
        sshDir = Files.createDirectories(home.resolve(".ssh"));
        env = new SshEnvironment(home, "alice", Optional.empty());
    }

    private SshConfig config(String text) throws Exception {
        Files.writeString(sshDir.resolve("config"), text);
        return SshConfig.read(env);
    }

    private ConnectionSpec spec(String text, ConnectionOptions cli) throws Exception {
        return ConnectionSpec.resolve(cli, config(text), env);
    }

    @Test
    void hostAliasesAreTheLiteralHostPatternsInFileOrder() throws Exception {
        SshConfig c = config("""
                Host truenas backup-nas
                    User admin
                Host nas* !nas9 ?x
                    Port 3333
                Host truenas
                    Port 2222
                Host *
                    User fallback
                """);
        assertEquals(List.of("truenas", "backup-nas"), c.hostAliases());
    }

    @Test
    void firstObtainedValueWinsAcrossBlocks() throws Exception {
        SshConfig c = config("""
                Host nas1
                    Port 2222
                    User admin
                Host nas*
                    Port 3333
                    User other
                    HostName %h.lan
                Host *
                    User fallback
                """);
        HostSettings s = c.settingsFor("nas1");
        assertEquals("2222", s.port().orElseThrow().value());
        assertEquals("admin", s.user().orElseThrow().value());
        assertEquals("%h.lan", s.hostName().orElseThrow().value());
        assertEquals(7, s.hostName().orElseThrow().line());

        HostSettings t = c.settingsFor("nas7");
        assertEquals("3333", t.port().orElseThrow().value());
        assertEquals("other", t.user().orElseThrow().value());
        assertEquals("fallback", c.settingsFor("box").user().orElseThrow().value());
    }

    @Test
    void linesBeforeTheFirstHostApplyToEveryHost() throws Exception {
        SshConfig c = config("User global\nHost nas1\n  User admin\n");
        assertEquals("global", c.settingsFor("nas1").user().orElseThrow().value());
    }

    @Test
    void severalPatternsNegationAndWildcards() throws Exception {
        SshConfig c = config("""
                Host *.lan !backup.lan  nas?
                    Port 2200
                """);
        assertEquals(Optional.of("2200"), c.settingsFor("a.lan").port().map(ConfigValue::value));
        assertEquals(Optional.of("2200"), c.settingsFor("nas5").port().map(ConfigValue::value));
        assertEquals(Optional.empty(), c.settingsFor("backup.lan").port());
        assertEquals(Optional.empty(), c.settingsFor("nas55").port());
    }

    @Test
    void keywordSyntaxVariants() throws Exception {
        SshConfig c = config("""
                # comment
                Host=nas1
                \tPORT=2201
                  user = "admin"   # trailing comment
                  IdentityFile "~/keys/my key"
                """);
        HostSettings s = c.settingsFor("nas1");
        assertEquals("2201", s.port().orElseThrow().value());
        assertEquals("admin", s.user().orElseThrow().value());
        assertEquals("~/keys/my key", s.identityFiles().get(0).value());
    }

    @Test
    void identityFilesAccumulateWithTokensAndTilde() throws Exception {
        ConnectionSpec spec = spec("""
                Host nas1
                    HostName 10.0.0.5
                    User admin
                    IdentityFile ~/.ssh/id_%h_%r
                    IdentityFile %d/keys/%u-%n-%p
                Host *
                    IdentityFile ~/.ssh/id_ed25519
                    IdentityFile %%literal
                """, ConnectionOptions.host("nas1"));
        assertEquals(List.of(sshDir.resolve("id_10.0.0.5_admin"), home.resolve("keys/alice-nas1-22"),
                sshDir.resolve("id_ed25519"), Path.of("%literal")), spec.identities());
        assertEquals("10.0.0.5", spec.hostName());
        assertEquals("nas1", spec.host());
    }

    @Test
    void hostNameTokenIsTheGivenName() throws Exception {
        ConnectionSpec spec = spec("Host nas*\n HostName %h.storage.example\n", ConnectionOptions.host("nas3"));
        assertEquals("nas3.storage.example", spec.hostName());
    }

    @Test
    void unknownTokenNamesTheLine() throws Exception {
        SshConfigException e = assertThrows(SshConfigException.class,
                () -> spec("Host *\n  IdentityFile ~/.ssh/%Q\n", ConnectionOptions.host("x")));
        assertTrue(e.getMessage().contains("config:2"), e.getMessage());
        assertTrue(e.getMessage().contains("%Q"), e.getMessage());
    }

    @Test
    void badPortNamesTheLine() {
        SshConfigException e = assertThrows(SshConfigException.class, () -> config("Host x\n\n  Port 70000\n"));
        assertTrue(e.getMessage().endsWith("config:3: bad port '70000' (1..65535)"), e.getMessage());
    }

    @Test
    void includeRelativeToSshDirWithGlobsInLexicalOrder() throws Exception {
        Path d = Files.createDirectories(sshDir.resolve("config.d"));
        Files.writeString(d.resolve("20-b.conf"), "Host nas1\n  Port 2020\n  User b\n");
        Files.writeString(d.resolve("10-a.conf"), "Host nas1\n  Port 1010\n");
        Files.writeString(d.resolve(".hidden.conf"), "Host nas1\n  User hidden\n");
        SshConfig c = config("Include config.d/*.conf\nHost nas1\n  User late\n");
        HostSettings s = c.settingsFor("nas1");
        assertEquals("1010", s.port().orElseThrow().value());
        assertEquals("b", s.user().orElseThrow().value());
        assertEquals(d.resolve("20-b.conf"), s.user().orElseThrow().file());
    }

    @Test
    void includeInsideAHostBlockIsConditionalOnIt() throws Exception {
        Files.writeString(sshDir.resolve("nas-extra"), "Port 4444\nHost *\n  User fromInclude\n");
        SshConfig c = config("Host nas1\n  Include ~/.ssh/nas-extra\nHost *\n  User outer\n");
        assertEquals("4444", c.settingsFor("nas1").port().orElseThrow().value());
        assertEquals("fromInclude", c.settingsFor("nas1").user().orElseThrow().value());
        assertEquals(Optional.empty(), c.settingsFor("other").port());
        assertEquals("outer", c.settingsFor("other").user().orElseThrow().value());
    }

    @Test
    void missingIncludeIsIgnoredAndLoopsAreStopped() throws Exception {
        assertEquals(Optional.empty(), config("Include nothing-here*\n").settingsFor("x").port());
        Files.writeString(sshDir.resolve("loop"), "Include loop\n");
        SshConfigException e = assertThrows(SshConfigException.class, () -> config("Include loop\n"));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void matchBlocksAreSkippedWithAWarning() throws Exception {
        SshConfig c = config("""
                Match host nas1 exec "true"
                    Port 9999
                    User matched
                Host nas1
                    Port 2222
                """);
        assertEquals("2222", c.settingsFor("nas1").port().orElseThrow().value());
        assertEquals(Optional.empty(), c.settingsFor("nas1").user());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("config:1: Match blocks are not evaluated"), c.warnings().get(0));
    }

    @Test
    void missingConfigIsEmpty() throws Exception {
        assertEquals(HostSettings.none(), SshConfig.read(env).settingsFor("nas1"));
    }

    @Test
    void commandLineWinsOverConfigAndIdentitiesAddUp() throws Exception {
        ConnectionSpec spec = spec("Host nas1\n Port 2222\n User admin\n IdentityFile ~/.ssh/cfg_key\n",
                ConnectionOptions.host("root@nas1").withPort(2200).withIdentity(Path.of("~/cli_key"))
                        .withKnownHosts(Path.of("/tmp/kh")).withAcceptNew(true).withSudo(true));
        assertEquals(2200, spec.port());
        assertEquals("root", spec.user());
        assertEquals(List.of(home.resolve("cli_key"), sshDir.resolve("cfg_key")), spec.identities());
        assertEquals(Path.of("/tmp/kh"), spec.knownHosts());
        assertTrue(spec.acceptNew());
        assertTrue(spec.sudo());
        assertEquals("root@nas1:2200", spec.destination());
    }

    @Test
    void explicitUserBeatsUserAtHost() throws Exception {
        ConnectionSpec spec = spec("", ConnectionOptions.host("root@nas1").withUser("admin"));
        assertEquals("admin", spec.user());
        assertEquals("nas1", spec.hostName());
    }

    @Test
    void defaultsArePort22LocalUserAndPresentDefaultKeys() throws Exception {
        Files.writeString(sshDir.resolve("id_rsa"), "x");
        Files.writeString(sshDir.resolve("id_ed25519"), "x");
        ConnectionSpec spec = spec("", ConnectionOptions.host("nas1"));
        assertEquals(22, spec.port());
        assertEquals("alice", spec.user());
        assertEquals("nas1", spec.hostName());
        assertEquals(List.of(sshDir.resolve("id_ed25519"), sshDir.resolve("id_rsa")), spec.identities());
        assertEquals(sshDir.resolve("known_hosts"), spec.knownHosts());
    }

    @Test
    void badCommandLineValues() {
        assertThrows(SshConfigException.class, () -> spec("", ConnectionOptions.host(" ")));
        assertThrows(SshConfigException.class, () -> spec("", ConnectionOptions.host("nas1").withPort(0)));
        assertThrows(SshConfigException.class, () -> spec("", ConnectionOptions.host("@nas1")));
    }

    @Test
    void unterminatedQuoteNamesTheLine() {
        SshConfigException e = assertThrows(SshConfigException.class, () -> config("Host x\n User \"admin\n"));
        assertTrue(e.getMessage().endsWith("config:2: unterminated quote"), e.getMessage());
    }
}
