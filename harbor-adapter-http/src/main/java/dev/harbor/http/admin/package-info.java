/**
 * The Admin API (admin-api.md): controllers, login and logout, reboot, diagnostics. Its routes
 * are registered beside the Local API's by {@link dev.harbor.http.HttpApi}, behind the same
 * {@link dev.harbor.http.internal.AdminGuard}; the admin routes of the Local API's paths
 * ({@code PATCH /lockers/{lockerId}}, {@code POST /lockers/open-all}, {@code PATCH /system}) stay
 * in {@code dev.harbor.http.local}.
 */
package dev.harbor.http.admin;
