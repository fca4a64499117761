package org.qatwb.ssh;

import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * Opens the TCP connection with its own timeout and leaves a different read timeout on it for the
 * handshake: JSch alone would use one number for both. JSch replaces the read timeout with the
 * keepalive interval once authenticated.
 */
final class TimeoutSocketFactory implements SocketFactory {

    private final int connectTimeoutMs;
    private final int handshakeTimeoutMs;
    private volatile boolean connected;

    TimeoutSocketFactory(int connectTimeoutMs, int handshakeTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
    }

    /** Whether the TCP connection was made (so a later timeout is the handshake's). */
    boolean connected() {
        return connected;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        Socket socket = new Socket();
        try {
            socket.connect(address, connectTimeoutMs);
            socket.setSoTimeout(handshakeTimeoutMs);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        connected = true;
        return socket;
    }

    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return socket.getOutputStream();
    }
}
