package io.shiftwatch.dashboards.internal;

import io.shiftwatch.dashboards.DashboardsSettings.Permission;
import io.shiftwatch.dashboards.DashboardsSettings.Tokens;
import io.shiftwatch.ingest.Secret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {
    private final Tokens tokens = new Tokens(new Secret("read-token-0123456789"), new Secret("ack-token-0123456789"));

    @Test
    void theAckTokenMayAcknowledgeTheReadTokenOnlyReadAndOthersNothing() {
        assertEquals(Permission.ACKNOWLEDGE, tokens.permissionOf("ack-token-0123456789"));
        assertEquals(Permission.READ, tokens.permissionOf("read-token-0123456789"));
        assertEquals(Permission.NONE, tokens.permissionOf("read-token-012345678"));
        assertEquals(Permission.NONE, tokens.permissionOf(""));
        assertEquals(Permission.NONE, tokens.permissionOf(null));
    }

    @Test
    void withoutAnAckTokenNobodyAcknowledges() {
        var readOnly = new Tokens(new Secret("read-token-0123456789"), null);
        assertEquals(Permission.READ, readOnly.permissionOf("read-token-0123456789"));
    }

    @Test
    void theSessionCookieIsFoundAmongOthersAndIsHttpOnly() {
        // Given
        String setCookie = new Sessions(tokens).open(Permission.READ);
        String id = setCookie.substring(Sessions.COOKIE.length() + 1, setCookie.indexOf(';'));

        // When / Then
        assertEquals(id, Sessions.cookie("theme=dark; " + Sessions.COOKIE + "=" + id + "; x=1"));
        assertNull(Sessions.cookie("theme=dark"));
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
    }
}
