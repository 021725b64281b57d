package io.cloudwarden.identity.sso;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code cloudwarden.identity.sso.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {
}
