package org.qatwb.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Vector;
import org.qatwb.model.parse.Snippet;

/**
 * The keys offered for public key authentication, in ssh's order: the running ssh-agent's keys
 * first, then the key files (skipping a file whose key the agent already offered, so that an
 * encrypted copy of an agent key never asks for its passphrase).
 *
 * <p>The agent is reached through JSch's {@link SSHAgentConnector} over the JDK's own Unix domain
 * sockets ({@link UnixDomainSocketFactory}, Java 16+): no native library is needed.
 */
final class AuthIdentities implements IdentityRepository {

    private final JSch jsch;
    private final Optional<Path> agentSocket;
    private final List<Path> files;
    private final Credentials credentials;
    private final AuthLog log;
    private final List<FileIdentity> loaded = new java.util.ArrayList<>();

    AuthIdentities(JSch jsch, Optional<Path> agentSocket, List<Path> files, Credentials credentials, AuthLog log) {
        this.jsch = jsch;
        this.agentSocket = agentSocket;
        this.files = List.copyOf(files);
        this.credentials = credentials;
        this.log = log;
    }

    @Override
    public String getName() {
        return "qatwb";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> ids = new Vector<>();
        Set<String> offered = new HashSet<>();
        agentIdentities(ids, offered);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                log.file(file, "no such file");
                continue;
            }
            KeyPair kp;
            try {
                kp = KeyPair.load(jsch, file.toString(), null);
            } catch (JSchException e) {
                log.file(file, "not a private key qatwb can read");
                continue;
            }
            FileIdentity id = new FileIdentity(file, kp, credentials, log);
            byte[] blob = id.publicBlobIfKnown();
            if (blob != null && !offered.add(Base64.getEncoder().encodeToString(blob))) {
                log.file(file, "same key as in the agent");
                continue;
            }
            log.file(file, "offered");
            synchronized (loaded) {
                loaded.add(id);
            }
            ids.add(id);
        }
        return ids;
    }

    private void agentIdentities(Vector<Identity> ids, Set<String> offered) {
        if (agentSocket.isEmpty()) {
            log.agent("no ssh-agent (SSH_AUTH_SOCK not set)");
            return;
        }
        Path sock = agentSocket.get();
        try {
            SSHAgentConnector connector = new SSHAgentConnector(new UnixDomainSocketFactory(), sock);
            if (!connector.isAvailable()) {
                log.agent("the ssh-agent at " + sock + " does not answer");
                return;
            }
            Vector<Identity> agentIds = new AgentIdentityRepository(connector).getIdentities();
            for (Identity id : agentIds) {
                byte[] blob = id.getPublicKeyBlob();
                if (blob != null) {
                    offered.add(Base64.getEncoder().encodeToString(blob));
                }
                ids.add(id);
            }
            log.agent(agentIds.size() + " key(s) from the ssh-agent at " + sock);
        } catch (AgentProxyException | RuntimeException e) {
            log.agent("the ssh-agent at " + sock + " cannot be used: " + Snippet.failure(e));
        }
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        clear();
    }

    /** Forgets the key files read so far (their private keys wiped by JSch's dispose). */
    void clear() {
        synchronized (loaded) {
            loaded.forEach(FileIdentity::clear);
            loaded.clear();
        }
    }
}
