package io.cloudwarden.shared.persistence;

/**
 * The PostgreSQL server the application uses: either one it started itself (embedded) or an external one.
 *
 * @param jdbcUrl       JDBC URL of the application database
 * @param ownerUser     role that owns the schema and runs migrations
 * @param ownerPassword its password (may be empty for the embedded server's trust authentication)
 * @param embedded      whether this process started the server
 */
public record DatabaseServer(String jdbcUrl, String ownerUser, String ownerPassword, boolean embedded) {

    @Override
    public String toString() {
        return "DatabaseServer[" + jdbcUrl + ", owner=" + ownerUser + ", embedded=" + embedded + "]";
    }
}
