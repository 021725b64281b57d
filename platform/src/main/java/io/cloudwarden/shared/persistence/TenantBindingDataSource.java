package io.cloudwarden.shared.persistence;

import io.cloudwarden.shared.TenantContext;
import io.cloudwarden.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections with the {@code cloudwarden.tenant_id} setting equal to the thread's
 * {@link TenantContext} (empty when none is bound). Row-level security policies compare every row's
 * {@code tenant_id} with that setting, so a query without a tenant predicate, or run with no tenant bound,
 * returns no other tenant's rows. The setting is overwritten on every checkout, so a pooled connection
 * never carries a previous borrower's tenant.
 */
public final class TenantBindingDataSource extends DelegatingDataSource {

    private static final String BIND = "select set_config('cloudwarden.tenant_id', ?, false)";

    public TenantBindingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(super.getConnection(username, password));
    }

    private static Connection bind(Connection connection) throws SQLException {
        String tenant = TenantContext.current().map(TenantId::toString).orElse("");
        try (PreparedStatement ps = connection.prepareStatement(BIND)) {
            ps.setString(1, tenant);
            ps.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
