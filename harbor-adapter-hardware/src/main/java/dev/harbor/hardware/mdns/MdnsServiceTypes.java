package dev.harbor.hardware.mdns;

/** The service types of hardware.md: ours, so that nothing else on the LAN answers to them. */
public final class MdnsServiceTypes {

    /** Announced by network lock controllers; TXT {@code protocol}, {@code boardAddress}, {@code locks}. */
    public static final String LOCK_CONTROLLER = "_harbor-lockctl._tcp.local.";
    /** Announced by the gateway; TXT {@code version}, {@code gatewayId}, {@code path}. */
    public static final String GATEWAY = "_harbor-gateway._tcp.local.";

    private MdnsServiceTypes() {}
}
