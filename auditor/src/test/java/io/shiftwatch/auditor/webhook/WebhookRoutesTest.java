package io.shiftwatch.auditor.webhook;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookRoutesTest {
    @Test
    void aRunGetsTheGlobalUrlsAndThoseOfItsLabels() {
        // Given
        WebhookRoutes routes = WebhookRoutes.parse(List.of("https://all.example/hook"),
                List.of("team=vision->https://vision.example/hook", "team=audio->https://audio.example/hook"));
        // When
        List<URI> urls = routes.urlsFor(Map.of("team", "vision"));
        // Then
        assertEquals(List.of(URI.create("https://all.example/hook"), URI.create("https://vision.example/hook")), urls);
    }

    @Test
    void aBadEntryIsNamed() {
        // Given / When
        var e = assertThrows(IllegalArgumentException.class, () -> WebhookRoutes.parse(List.of(), List.of("team->x")));
        // Then
        assertTrue(e.getMessage().contains("team->x"), e.getMessage());
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        // Given / When / Then
        assertThrows(IllegalArgumentException.class, () -> WebhookRoutes.parse(List.of("file:///etc/passwd"), List.of()));
    }
}
