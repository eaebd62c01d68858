package dev.harbor.hardware.link;

import dev.harbor.domain.controller.Transport;
import java.util.Optional;

/** The real buses: a serial device (jSerialComm) or a TCP socket. */
enum SerialAndTcpLinks implements BusLinkFactory {
    INSTANCE;

    @Override
    public Optional<BusLink> linkFor(Transport transport) {
        if (transport instanceof Transport.Serial serial) {
            return Optional.of(new JSerialCommLink(serial.port(), serial.baudRate()));
        }
        if (transport instanceof Transport.Tcp tcp) {
            return Optional.of(new TcpLink(tcp.host(), tcp.port()));
        }
        return Optional.empty();
    }
}
