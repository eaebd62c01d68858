package dev.harbor.hardware.mdns;

import dev.harbor.application.port.ControllerDiscovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces the gateway as {@code _harbor-gateway._tcp} and finds lock controllers announcing
 * {@code _harbor-lockctl._tcp}, with JmDNS bound to one explicit interface address (hardware.md,
 * "mDNS — safety first"): a wildcard address is refused.
 */
public final class JmdnsControllerDiscovery implements ControllerDiscovery, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JmdnsControllerDiscovery.class);
    private static final Duration MIN_WINDOW = Duration.ofMillis(200);
    private static final Duration MAX_WINDOW = Duration.ofSeconds(30);

    /** What the gateway announces: the HTTP port of its APIs, and who it is. */
    public record GatewayAnnouncement(String instanceName, int httpPort, String version, String gatewayId) {
        public GatewayAnnouncement {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(gatewayId, "gatewayId");
            if (instanceName == null || instanceName.isBlank() || instanceName.length() > 63) {
                throw new IllegalArgumentException("instanceName must be 1-63 characters");
            }
            if (httpPort < 1 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort must be 1-65535");
            }
        }

        Map<String, String> txt() {
            return Map.of("version", version, "gatewayId", gatewayId, "path", "/");
        }
    }

    private final JmDNS jmdns;
    private final GatewayAnnouncement gateway;
    private final Object announcing = new Object();
    private final Object scanning = new Object();
    private final Map<String, Found> controllers = new ConcurrentHashMap<>();
    private final Map<String, String> dropped = new ConcurrentHashMap<>();
    private ServiceInfo announced;

    private JmdnsControllerDiscovery(JmDNS jmdns, GatewayAnnouncement gateway) {
        this.jmdns = jmdns;
        this.gateway = gateway;
    }

    /**
     * Binds JmDNS to {@code bindAddress} and announces the gateway.
     *
     * @param bindAddress the address of the interface facing the lock controllers; never a wildcard
     * @throws IllegalArgumentException for a wildcard or multicast address
     * @throws UncheckedIOException     when the address cannot be bound
     */
    public static JmdnsControllerDiscovery start(InetAddress bindAddress, GatewayAnnouncement gateway) {
        MdnsBinding.requireExplicit(bindAddress);
        Objects.requireNonNull(gateway, "gateway");
        JmDNS jmdns;
        try {
            jmdns = JmDNS.create(
                    bindAddress, "harbor-gateway-" + gateway.gatewayId().replaceAll("[^A-Za-z0-9-]", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("mDNS could not bind to " + bindAddress.getHostAddress(), e);
        }
        JmdnsControllerDiscovery discovery = new JmdnsControllerDiscovery(jmdns, gateway);
        try {
            jmdns.addServiceListener(MdnsServiceTypes.LOCK_CONTROLLER, discovery.new ControllerListener());
            discovery.announce();
        } catch (RuntimeException e) {
            discovery.close();
            throw e;
        }
        log.info(
                "mDNS on {}: announcing {} on port {}",
                bindAddress.getHostAddress(),
                MdnsServiceTypes.GATEWAY,
                gateway.httpPort());
        return discovery;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    /**
     * Returns the lock controllers heard of, after asking the network afresh and listening for
     * {@code window} (held to 0.2-30 s). Controllers announced since start-up are known already;
     * the window is for those that only answer a query.
     */
    @Override
    public List<Found> scan(Duration window) {
        Duration wait = clamp(Objects.requireNonNull(window, "window"));
        synchronized (scanning) {
            // A listener added for the type makes JmDNS send a fresh browse query.
            ServiceListener query = new ControllerListener();
            jmdns.addServiceListener(MdnsServiceTypes.LOCK_CONTROLLER, query);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                jmdns.removeServiceListener(MdnsServiceTypes.LOCK_CONTROLLER, query);
            }
            dropped.forEach(
                    (name, reason) -> log.warn("Ignoring mDNS lock controller announcement '{}': {}", name, reason));
            List<Found> found = new ArrayList<>(controllers.values());
            found.sort((a, b) -> a.name().compareTo(b.name()));
            return List.copyOf(found);
        }
    }

    /**
     * Keeps {@link #controllers} up to date. JmDNS can report one service as resolved several times,
     * some of them before its TXT record arrived: only a complete, valid announcement counts.
     */
    private final class ControllerListener implements ServiceListener {
        @Override
        public void serviceAdded(ServiceEvent event) {
            // Asks for SRV/TXT/A when the announcement did not carry them; answers arrive as serviceResolved.
            event.getDNS().requestServiceInfo(event.getType(), event.getName(), false, 1);
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            controllers.remove(event.getName());
            dropped.remove(event.getName());
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            ServiceInfo info = event.getInfo();
            LockControllerTxt.Parsed parsed =
                    LockControllerTxt.parse(info.getName(), host(info), info.getPort(), txt(info));
            if (parsed.found() != null) {
                controllers.put(event.getName(), parsed.found());
                dropped.remove(event.getName());
            } else if (!controllers.containsKey(event.getName())) {
                dropped.put(event.getName(), parsed.droppedBecause());
            }
        }
    }

    /** Withdraws the gateway's announcement and makes it afresh (after a network change). */
    @Override
    public void reannounce() {
        announce();
    }

    /** Says goodbye on the network and releases the socket. */
    @Override
    public void close() {
        jmdns.unregisterAllServices();
        try {
            jmdns.close();
        } catch (IOException e) {
            log.warn("Closing mDNS failed", e);
        }
    }

    private void announce() {
        synchronized (announcing) {
            if (announced != null) {
                jmdns.unregisterService(announced);
            }
            ServiceInfo info = ServiceInfo.create(
                    MdnsServiceTypes.GATEWAY, gateway.instanceName(), gateway.httpPort(), 0, 0, gateway.txt());
            try {
                jmdns.registerService(info);
            } catch (IOException e) {
                throw new UncheckedIOException("mDNS announcement of the gateway failed", e);
            }
            announced = info;
        }
    }

    private static String host(ServiceInfo info) {
        Inet4Address[] ipv4 = info.getInet4Addresses();
        if (ipv4.length > 0) {
            return ipv4[0].getHostAddress();
        }
        String[] addresses = info.getHostAddresses();
        return addresses.length > 0 ? addresses[0] : null;
    }

    private static Map<String, String> txt(ServiceInfo info) {
        Map<String, String> txt = new HashMap<>();
        Enumeration<String> names = info.getPropertyNames();
        for (String name : Collections.list(names)) {
            String value = info.getPropertyString(name);
            if (value != null) {
                txt.put(name, value);
            }
        }
        return txt;
    }

    private static Duration clamp(Duration window) {
        if (window.compareTo(MIN_WINDOW) < 0) {
            return MIN_WINDOW;
        }
        return window.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : window;
    }
}
