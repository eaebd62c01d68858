package dev.harbor.persistence;

import dev.harbor.application.port.LayoutStore;
import dev.harbor.domain.layout.BankType;
import dev.harbor.domain.layout.BankTypeId;
import dev.harbor.domain.layout.LockerType;
import dev.harbor.domain.layout.LockerTypeId;
import dev.harbor.persistence.internal.Access;
import dev.harbor.persistence.internal.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** {@link LayoutStore} on {@code locker_types}, {@code bank_types} and {@code bank_type_lockers}. */
public final class JdbiLayoutStore implements LayoutStore {

    private static final String LOCKER_TYPE_COLUMNS =
            "id, slug, name, description, width_mm, height_mm, depth_mm, created_at";

    private static final RowMapper<LockerType> LOCKER_TYPE = (rs, ctx) -> new LockerType(
            new LockerTypeId(rs.getLong("id")),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("description"),
            Columns.integer(rs, "width_mm"),
            Columns.integer(rs, "height_mm"),
            Columns.integer(rs, "depth_mm"),
            Columns.instant(rs, "created_at"));

    private final Access db;

    JdbiLayoutStore(Access db) {
        this.db = db;
    }

    @Override
    public List<LockerType> lockerTypes() {
        return db.read(h -> h.createQuery("SELECT " + LOCKER_TYPE_COLUMNS + " FROM locker_types ORDER BY id")
                .map(LOCKER_TYPE)
                .list());
    }

    @Override
    public Optional<LockerType> lockerType(LockerTypeId id) {
        return db.read(h -> h.createQuery("SELECT " + LOCKER_TYPE_COLUMNS + " FROM locker_types WHERE id = :id")
                .bind("id", id.value())
                .map(LOCKER_TYPE)
                .findOne());
    }

    @Override
    public Optional<LockerType> lockerTypeBySlug(String slug) {
        return db.read(h -> h.createQuery("SELECT " + LOCKER_TYPE_COLUMNS + " FROM locker_types WHERE slug = :slug")
                .bind("slug", slug)
                .map(LOCKER_TYPE)
                .findOne());
    }

    @Override
    public List<BankType> bankTypes() {
        return db.read(h -> bankTypes(h, null));
    }

    @Override
    public Optional<BankType> bankType(BankTypeId id) {
        return db.read(h -> bankTypes(h, id).stream().findFirst());
    }

    @Override
    public LockerType upsertLockerType(LockerType type) {
        Objects.requireNonNull(type, "type");
        return db.write(h -> {
            // The creation time of an existing type is kept: it was created then.
            h.createUpdate(
                            "INSERT INTO locker_types (slug, name, description, width_mm, height_mm, depth_mm, created_at) "
                                    + "VALUES (:slug, :name, :description, :width, :height, :depth, :createdAt) "
                                    + "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description, "
                                    + "width_mm = excluded.width_mm, height_mm = excluded.height_mm, depth_mm = excluded.depth_mm")
                    .bind("slug", type.slug())
                    .bind("name", type.name())
                    .bind("description", type.description())
                    .bind("width", type.widthMm())
                    .bind("height", type.heightMm())
                    .bind("depth", type.depthMm())
                    .bind("createdAt", Columns.millis(type.createdAt()))
                    .execute();
            return h.createQuery("SELECT " + LOCKER_TYPE_COLUMNS + " FROM locker_types WHERE slug = :slug")
                    .bind("slug", type.slug())
                    .map(LOCKER_TYPE)
                    .one();
        });
    }

    @Override
    public BankType upsertBankType(BankType type) {
        Objects.requireNonNull(type, "type");
        return db.write(h -> {
            List<Long> wanted = new ArrayList<>(new LinkedHashSet<>(type.associations().stream()
                    .map(a -> a.lockerTypeId().value())
                    .toList()));
            wanted.removeAll(h.createQuery("SELECT id FROM locker_types WHERE id IN (<ids>)")
                    .bindList("ids", wanted)
                    .mapTo(Long.class)
                    .list());
            if (!wanted.isEmpty()) {
                throw new IllegalArgumentException(
                        "bank type " + type.friendlyName() + " names no locker type " + wanted);
            }
            h.createUpdate("INSERT INTO bank_types (friendly_name, description, is_debug, created_at) "
                            + "VALUES (:name, :description, :debug, :createdAt) "
                            + "ON CONFLICT (friendly_name) DO UPDATE SET description = excluded.description, "
                            + "is_debug = excluded.is_debug")
                    .bind("name", type.friendlyName())
                    .bind("description", type.description())
                    .bind("debug", type.isDebug())
                    .bind("createdAt", Columns.millis(type.createdAt()))
                    .execute();
            long id = h.createQuery("SELECT id FROM bank_types WHERE friendly_name = :name")
                    .bind("name", type.friendlyName())
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("DELETE FROM bank_type_lockers WHERE bank_type_id = :id")
                    .bind("id", id)
                    .execute();
            for (BankType.Association association : type.associations()) {
                h.createUpdate("INSERT INTO bank_type_lockers (bank_type_id, bank_locker_number, locker_type_id) "
                                + "VALUES (:id, :number, :type)")
                        .bind("id", id)
                        .bind("number", association.bankLockerNumber())
                        .bind("type", association.lockerTypeId().value())
                        .execute();
            }
            return bankTypes(h, new BankTypeId(id)).get(0);
        });
    }

    private static List<BankType> bankTypes(Handle h, BankTypeId only) {
        Map<Long, List<BankType.Association>> associations = new HashMap<>();
        Query lockers = h.createQuery("SELECT bank_type_id, bank_locker_number, locker_type_id FROM bank_type_lockers"
                + (only == null ? "" : " WHERE bank_type_id = :id") + " ORDER BY bank_type_id, bank_locker_number");
        Query banks = h.createQuery("SELECT id, friendly_name, description, is_debug, created_at FROM bank_types"
                + (only == null ? "" : " WHERE id = :id") + " ORDER BY id");
        if (only != null) {
            lockers.bind("id", only.value());
            banks.bind("id", only.value());
        }
        lockers.map((rs, ctx) -> associations
                        .computeIfAbsent(rs.getLong("bank_type_id"), id -> new ArrayList<>())
                        .add(new BankType.Association(
                                rs.getInt("bank_locker_number"), new LockerTypeId(rs.getLong("locker_type_id")))))
                .list();
        return banks.map((rs, ctx) -> new BankType(
                        new BankTypeId(rs.getLong("id")),
                        rs.getString("friendly_name"),
                        rs.getString("description"),
                        rs.getBoolean("is_debug"),
                        associations.getOrDefault(rs.getLong("id"), List.of()),
                        Columns.instant(rs, "created_at")))
                .list();
    }
}
