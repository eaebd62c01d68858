package dev.harbor.bikeep;

import dev.harbor.application.port.RemoteAllowlists;
import dev.harbor.bikeep.client.BikeepClient;
import dev.harbor.bikeep.client.BikeepException;
import dev.harbor.bikeep.client.EntityChangeResult;
import dev.harbor.bikeep.client.WhitelistEntity;
import dev.harbor.domain.rfid.RfidCardId;
import java.util.List;
import java.util.Objects;

/**
 * {@link RemoteAllowlists} over Bikeep's whitelists: RFID cards are its entities of {@code id_type}
 * {@code rfid}. The ids reach this class already normalized, as Bikeep wants them.
 */
public final class BikeepRemoteAllowlists implements RemoteAllowlists {

    private static final String RFID = "rfid";

    private final BikeepClient client;

    public BikeepRemoteAllowlists(BikeepClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<Allowlist> allowlists(String locationId) {
        try {
            return client.whitelists(locationId).stream()
                    .map(w -> new Allowlist(w.id(), w.name(), w.description()))
                    .toList();
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    @Override
    public List<Card> cards(String allowlistId) {
        try {
            return client.whitelistEntities(allowlistId).stream()
                    .filter(e -> RFID.equals(e.idType()))
                    .map(e -> new Card(e.id(), e.status(), e.expiresAt(), e.comment()))
                    .toList();
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    @Override
    public BatchResult add(String allowlistId, List<NewCard> cards) {
        List<WhitelistEntity> entities = cards.stream()
                .map(c -> WhitelistEntity.rfid(c.cardId().value(), c.status(), c.expiresAt(), c.comment()))
                .toList();
        try {
            return result(client.addEntities(allowlistId, entities));
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    @Override
    public BatchResult remove(String allowlistId, List<RfidCardId> cards) {
        try {
            return result(client.removeEntities(
                    allowlistId, cards.stream().map(RfidCardId::value).toList()));
        } catch (BikeepException e) {
            throw BikeepFailures.translate(e);
        }
    }

    private static BatchResult result(EntityChangeResult result) {
        return new BatchResult(
                result.applied().stream().map(RfidCardId::parse).toList(),
                result.failed().stream()
                        .map(f -> new Failure(f.id(), f.message()))
                        .toList());
    }
}
