package io.cloudwarden.evidence.log;

import io.cloudwarden.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes hash tiles. A tile's hashes never change, it only grows, so proofs read tiles through a
 * cache and go to the database only when the cached copy is too short for the node asked for. The writer
 * reads the tiles it extends fresh, under the log's lock.
 */
@Component
class TileStore {

    private static final int CACHED_TILES = 4096;

    private final JdbcClient jdbc;
    private final Map<String, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    TileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tile with at least {@code minWidth} hashes if stored, else what is stored. The tenant must be bound. */
    byte[] read(TenantId tenant, int level, long index, int minWidth) {
        String key = tenant + "/" + level + "/" + index;
        synchronized (tiles) {
            byte[] cached = tiles.get(key);
            if (Tiles.width(cached) >= minWidth) {
                return cached;
            }
        }
        byte[] tile = readFresh(tenant, level, index);
        if (tile != null) {
            synchronized (tiles) {
                if (Tiles.width(tile) > Tiles.width(tiles.get(key))) {
                    tiles.put(key, tile);
                }
            }
        }
        return tile;
    }

    /** The tile as stored now, or {@code null} if it has no hashes yet. */
    byte[] readFresh(TenantId tenant, int level, long index) {
        return jdbc.sql("select hashes from audit_tiles where tenant_id = ? and level = ? and idx = ?")
                .params(tenant.value(), (short) level, index)
                .query(byte[].class).optional().orElse(null);
    }

    void write(TenantId tenant, int level, long index, byte[] hashes) {
        jdbc.sql("""
                insert into audit_tiles (tenant_id, level, idx, hashes) values (?, ?, ?, ?)
                on conflict (tenant_id, level, idx) do update set hashes = excluded.hashes""")
                .params(tenant.value(), (short) level, index, hashes)
                .update();
    }
}
