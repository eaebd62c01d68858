package dev.harbor.domain.controller;

import dev.harbor.domain.rule.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the gateway reaches a board: a serial line, a TCP socket, or an in-process simulator; or,
 * for a Bikeep location, the location's id in the Bikeep cloud.
 */
public sealed interface Transport permits Transport.Serial, Transport.Tcp, Transport.Simulated, Transport.Bikeep {

    /** The API name of the transport type: {@code serial}, {@code tcp}, {@code simulated} or {@code bikeep}. */
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

    /**
     * An in-process simulated board; {@code bus} names the simulated line it hangs on. A
     * {@code null} bus asks for a bus of its own ({@link #ownBus()}): the application names it
     * when the controller is stored, so the stored controller finds the same simulated board after
     * a restart, and two controllers that asked for a bus of their own never share one.
     */
    record Simulated(String bus) implements Transport {
        public Simulated {
            if (bus != null && (bus.isBlank() || bus.length() > 255)) {
                throw new InvalidValueException("transport.bus", "simulated bus name must be 1-255 characters");
            }
        }

        /** A bus of its own, not named yet. */
        public static Simulated ownBus() {
            return new Simulated(null);
        }

        /** Whether this asks for a bus of its own that has no name yet. */
        public boolean isUnnamed() {
            return bus == null;
        }

        @Override
        public String type() {
            return "simulated";
        }

        /** For a bus not named yet, a description: such a bus is never shared, so its key is never compared. */
        @Override
        public String busKey() {
            return bus == null ? "simulated:(a bus of its own)" : "simulated:" + bus;
        }
    }

    /**
     * A location in the Bikeep cloud. Bikeep's ids are UUIDs; anything made of letters, digits,
     * {@code -} and {@code _} is accepted, so that the id is safe in a URL path as it is.
     */
    record Bikeep(String locationId) implements Transport {
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

        public Bikeep {
            Objects.requireNonNull(locationId, "locationId");
            if (!ID.matcher(locationId).matches()) {
                throw new InvalidValueException(
                        "transport.locationId", "a Bikeep location id is 1-100 letters, digits, '-' or '_'");
            }
        }

        @Override
        public String type() {
            return "bikeep";
        }

        @Override
        public String busKey() {
            return "bikeep:" + locationId;
        }
    }
}
