package dev.harbor.http.admin;

import java.time.Instant;

/**
 * The answer of {@code POST /system/backup}: the copy's path on the gateway's host, its size, and
 * when its snapshot was taken (every transaction answered before then is in it).
 */
public record BackupResponse(boolean success, String file, long bytes, Instant createdAt) {}
