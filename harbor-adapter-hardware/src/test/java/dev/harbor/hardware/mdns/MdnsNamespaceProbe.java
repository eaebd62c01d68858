package dev.harbor.hardware.mdns;

import ch.qos.logback.classic.Level;
import dev.harbor.application.port.ControllerDiscovery.Found;
import dev.harbor.domain.controller.Protocol;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.LoggerFactory;

/**
 * Run by {@link JmdnsControllerDiscoveryNamespaceTest} in a child JVM inside a private network
 * namespace: announces lock controllers and scans for them, all on 127.0.0.1, and prints what it
 * found for the parent to check. Refuses to send a single packet unless the only interface it can
 * see is {@code lo}.
 */
public final class MdnsNamespaceProbe {

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        List<String> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName)
                .toList();
        if (!interfaces.equals(List.of("lo"))) {
            System.out.println("NOT-ISOLATED " + interfaces);
            System.exit(3);
        }
        Duration window = Duration.ofMillis(Long.parseLong(args[0]));
        long started = System.nanoTime();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        // Registered first, so it is on the air by the time the real board's announcer has settled.
        JmDNS rogue = JmDNS.create(loopback, "rogue");
        rogue.registerService(ServiceInfo.create(
                MdnsServiceTypes.LOCK_CONTROLLER,
                "Bogus board",
                5001,
                0,
                0,
                Map.of("protocol", "bogus", "boardAddress", "1", "locks", "16")));
        LockControllerAnnouncer board = LockControllerAnnouncer.start(
                loopback, new LockControllerAnnouncer.Board("Tower B bridge", 5000, Protocol.KERONG_CU16, 1, 16));
        step("announced", started);
        JmdnsControllerDiscovery discovery = JmdnsControllerDiscovery.start(
                loopback,
                new JmdnsControllerDiscovery.GatewayAnnouncement("Harbor test gateway", 7070, "0.1.0", "gw-test"));

        step("discovery started", started);
        for (Found found : discovery.scan(window)) {
            System.out.println("FOUND " + found.name() + "|" + found.host() + "|" + found.port() + "|"
                    + found.protocol() + "|" + found.boardAddress() + "|" + found.locks());
        }

        step("scanned", started);
        discovery.reannounce();
        JmDNS observer = JmDNS.create(loopback, "observer");
        for (ServiceInfo gateway : observer.list(MdnsServiceTypes.GATEWAY, window.toMillis())) {
            System.out.println("GATEWAY " + gateway.getName() + "|" + gateway.getPort() + "|"
                    + gateway.getPropertyString("version") + "|" + gateway.getPropertyString("gatewayId") + "|"
                    + gateway.getPropertyString("path"));
        }

        step("gateway listed", started);
        // Each JmDNS says goodbye and waits for it to go out; in parallel that is one wait, not four.
        List<Thread> closing = List.of(
                new Thread(() -> close(observer)),
                new Thread(discovery::close),
                new Thread(() -> close(rogue)),
                new Thread(board::close));
        closing.forEach(Thread::start);
        for (Thread thread : closing) {
            thread.join();
        }
        step("closed", started);
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }

    private static void close(JmDNS jmdns) {
        try {
            jmdns.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void step(String what, long started) {
        System.out.println("TIME " + what + " at " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
