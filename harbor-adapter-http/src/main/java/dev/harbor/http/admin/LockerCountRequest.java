package dev.harbor.http.admin;

/** {@code PATCH /controllers/{controllerId}/locker-count}. */
public record LockerCountRequest(Integer lockerCount) {}
