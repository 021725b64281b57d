/**
 * The web console's server side: who the signed-in user is and which areas exist ({@code /api/v1/me}),
 * per-user preferences such as the Overview layout, the live event stream ({@code /api/v1/events/stream},
 * server-sent events), and serving the single-page application built in {@code web/}.
 */
@org.springframework.modulith.ApplicationModule
package io.cloudwarden.console;
