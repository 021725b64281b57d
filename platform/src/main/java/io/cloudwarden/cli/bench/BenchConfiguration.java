package io.cloudwarden.cli.bench;

import io.cloudwarden.identity.BootstrapAdmin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Beans that exist only when the application runs for {@code bench}. */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchConfiguration {

    @Bean
    BenchTenant benchTenant(BootstrapAdmin bootstrap, @Value("${cloudwarden.identity.admin-password}") String password) {
        return new BenchTenant(bootstrap.ensure(), bootstrap.adminUsername(), password);
    }
}
