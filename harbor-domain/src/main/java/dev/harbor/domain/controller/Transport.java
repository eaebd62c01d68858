package dev.harbor.domain.controller;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.Objects;

/** How the gateway reaches a board: a serial line, a TCP socket, or an in-process simulator. */
public sealed interface Transport permits Transport.Serial, Transport.Tcp, Transport.Simulated {

    /** The API name of the transport type: {@code serial}, {@code tcp} or {@code simulated}. */
    String type();

    /** Two controllers on the same bus key share one request queue. */
    String busKey();

    record Serial(String port, int baudRate) implements Transport {
        public Serial {
            Objects.requireNonNull(port, "port");
            if (port.isBlank() || port.length() > 255) {
                throw new InvalidValueException("transport.port", "serial port path must be 1-255 characters");
            }
            if (baudRate < 300 || baudRate > 921_600) {
                throw new InvalidValueException(
                        "transport.baudRate", "the baud rate must be 300-921600, was " + baudRate);
            }
        }

        @Override
        public String type() {
            return "serial";
        }

        @Override
        public String busKey() {
            return "serial:" + port;
        }
    }

    record Tcp(String host, int port) implements Transport {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (host.isBlank() || host.length() > 255) {
                throw new InvalidValueException("transport.host", "host must be 1-255 characters");
            }
            if (port < 1 || port > 65_535) {
                throw new InvalidValueException("transport.port", "TCP port must be 1-65535, was " + port);
            }
        }

        @Override
        public String type() {
            return "tcp";
        }

        @Override
        public String busKey() {
            return "tcp:" + host + ":" + port;
        }
    }

    /** An in-process simulated board; {@code bus} names the simulated line it hangs on. */
    record Simulated(String bus) implements Transport {
        public Simulated {
            Objects.requireNonNull(bus, "bus");
            if (bus.isBlank() || bus.length() > 255) {
                throw new InvalidValueException("transport.bus", "simulated bus name must be 1-255 characters");
            }
        }

        @Override
        public String type() {
            return "simulated";
        }

        @Override
        public String busKey() {
            return "simulated:" + bus;
        }
    }
}
