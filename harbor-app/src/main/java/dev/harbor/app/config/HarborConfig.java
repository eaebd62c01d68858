package dev.harbor.app.config;

import dev.harbor.app.logging.LogFormat;
import dev.harbor.application.auth.ClientKeys;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's start-up configuration (local-api.md, Conventions), read by {@link ConfigLoader}
 * from environment variables and an optional configuration file.
 *
 * @param dbUrl            PostgreSQL JDBC URL; empty = embedded SQLite in {@code dataDir}
 * @param layoutFile       empty = the demo layout of simulated lockers
 * @param mdnsAddress      empty = mDNS off
 * @param rebootCommand    empty = reboot disabled
 * @param bikeep           empty = the Bikeep integration is off
 * @param apiKeys          the Local API's client keys; {@link ClientKeys#NONE} = open
 * @param logLevel         the root log level from the start: TRACE, DEBUG, INFO, WARN or ERROR
 *                         (one stored by {@code PATCH /system} wins once the database is read)
 * @param logFormat        how log lines are written to standard output, from the first one
 * @param metricsEnabled   whether {@code GET /metrics} exists and the gateway measures itself
 */
public record HarborConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<Path> layoutFile,
        Optional<String> adminUsername,
        Optional<String> adminPassword,
        Optional<InetAddress> mdnsAddress,
        Optional<String> sentryDsn,
        Optional<String> rebootCommand,
        String gatewayName,
        Duration pollInterval,
        Duration openAllGap,
        Optional<BikeepConfig> bikeep,
        ClientKeys apiKeys,
        String logLevel,
        LogFormat logFormat,
        boolean metricsEnabled) {

    /** Never print secrets: the password fields are masked. */
    @Override
    public String toString() {
        return "HarborConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", dataDir=" + dataDir
                + ", dbUrl=" + dbUrl.map(ConfigLoader::withoutCredentials).orElse("(sqlite)")
                + ", dbUser=" + dbUser.orElse("") + ", dbPassword=" + (dbPassword.isPresent() ? "****" : "")
                + ", layoutFile=" + layoutFile.map(Path::toString).orElse("(demo)")
                + ", adminUsername=" + adminUsername.orElse("") + ", adminPassword="
                + (adminPassword.isPresent() ? "****" : "")
                + ", mdnsAddress="
                + mdnsAddress.map(InetAddress::getHostAddress).orElse("(off)")
                + ", sentryDsn=" + (sentryDsn.isPresent() ? "(set)" : "(off)")
                + ", rebootCommand=" + rebootCommand.orElse("(disabled)")
                + ", gatewayName=" + gatewayName + ", pollInterval=" + pollInterval + ", openAllGap=" + openAllGap
                + ", bikeep=" + bikeep.map(BikeepConfig::toString).orElse("(off)")
                + ", apiKeys=" + apiKeys
                + ", logLevel=" + logLevel
                + ", logFormat=" + logFormat
                + ", metricsEnabled=" + metricsEnabled
                + "]";
    }
}
