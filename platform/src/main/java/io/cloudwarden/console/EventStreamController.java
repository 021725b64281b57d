package io.cloudwarden.console;

import io.cloudwarden.shared.security.Permission;
import io.cloudwarden.shared.security.RequiresPermission;
import io.cloudwarden.shared.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events for live views. */
@RestController
@Tag(name = "console", description = "The signed-in user and their console preferences")
class EventStreamController {

    private final LiveEvents events;

    EventStreamController(LiveEvents events) {
        this.events = events;
    }

    @RequiresPermission(Permission.INVENTORY_READ)
    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live events of the tenant as server-sent events: sync-started, sync-progress, "
            + "resources-changed, sync-finished (data: JSON); a heartbeat comment every 15 s. Send the bearer token "
            + "in the Authorization header; reconnect when the stream ends")
    SseEmitter stream() {
        return events.open(TenantContext.require());
    }
}
