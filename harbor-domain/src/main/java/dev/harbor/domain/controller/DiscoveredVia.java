package dev.harbor.domain.controller;

/** How a controller came to be registered. */
public enum DiscoveredVia {
    /** From the layout file at start-up. */
    LAYOUT,
    /** Added through the Admin API by hand. */
    MANUAL,
    /** Found by an mDNS scan and added. */
    MDNS
}
