package dev.harbor.application.port;

/**
 * What the board said after an open.
 *
 * @param doorOpen the door sensor reading after the pulse, or {@code null} when the board cannot tell
 */
public record OpenConfirmation(Boolean doorOpen) {}
