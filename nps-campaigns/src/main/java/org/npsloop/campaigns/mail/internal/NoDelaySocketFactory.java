package org.npsloop.campaigns.mail.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY. Without it, a message larger than one write buffer ends in a small
 * segment (its tail and the final ".") that Nagle's algorithm holds back until the server acknowledges
 * the previous one, which a server waiting for that very "." acknowledges only after its delayed-ACK
 * timer: about 40 ms per message on a fast link, i.e. ~20 messages a second to a relay on the same host
 * (measured with 12 KB invitations; 500-700 a second with TCP_NODELAY).
 */
final class NoDelaySocketFactory extends SocketFactory {

    static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

    private final SocketFactory plain = SocketFactory.getDefault();

    private NoDelaySocketFactory() {
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(plain.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(plain.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
