package dev.harbor.app.host;

import dev.harbor.application.port.HostSystem;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host as the JDK sees it; reboot runs the configured command (none: disabled).
 */
public final class JavaHostSystem implements HostSystem {

    private static final Logger log = LoggerFactory.getLogger(JavaHostSystem.class);

    private final Optional<List<String>> rebootCommand;

    /** @param rebootCommand a shell command line, run with {@code /bin/sh -c} */
    public JavaHostSystem(Optional<String> rebootCommand) {
        this.rebootCommand = rebootCommand.map(c -> List.of("/bin/sh", "-c", c));
    }

    @Override
    public Network readNetwork() {
        List<java.net.NetworkInterface> found = new ArrayList<>();
        try {
            found.addAll(Collections.list(java.net.NetworkInterface.getNetworkInterfaces()));
        } catch (SocketException e) {
            log.warn("Cannot list network interfaces: {}", e.getMessage());
        }
        List<HostSystem.NetworkInterface> interfaces = new ArrayList<>();
        for (java.net.NetworkInterface nic : found) {
            try {
                if (!nic.isUp()) {
                    continue;
                }
            } catch (SocketException e) {
                continue;
            }
            String ipv4 = null;
            String ipv6 = null;
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && ipv4 == null) {
                    ipv4 = address.getHostAddress();
                } else if (address instanceof Inet6Address && ipv6 == null) {
                    ipv6 = address.getHostAddress().replaceAll("%.*$", "");
                }
            }
            interfaces.add(new HostSystem.NetworkInterface(nic.getName(), ipv4, ipv6, mac(nic)));
        }
        return new Network(hostname(), interfaces);
    }

    @Override
    public boolean canReboot() {
        return rebootCommand.isPresent();
    }

    @Override
    public void reboot() {
        List<String> command = rebootCommand.orElseThrow(() -> new IllegalStateException("reboot is disabled"));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.error("The reboot command did not finish within 60 s");
            } else if (process.exitValue() != 0) {
                log.error("The reboot command exited with {}", process.exitValue());
            }
        } catch (IOException e) {
            log.error("Cannot run the reboot command: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String mac(java.net.NetworkInterface nic) {
        try {
            byte[] bytes = nic.getHardwareAddress();
            if (bytes == null || bytes.length == 0) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (byte b : bytes) {
                if (text.length() > 0) {
                    text.append(':');
                }
                text.append(String.format("%02x", b));
            }
            return text.toString();
        } catch (SocketException e) {
            return null;
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
