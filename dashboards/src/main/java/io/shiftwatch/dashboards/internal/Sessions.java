package io.shiftwatch.dashboards.internal;

import com.sun.net.httpserver.HttpExchange;
import io.shiftwatch.dashboards.DashboardsSettings.Permission;
import io.shiftwatch.dashboards.DashboardsSettings.Tokens;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is asking: a bearer token (API clients, Prometheus) or a session cookie that the UI obtains by
 * presenting a token once ({@code POST /api/session}); EventSource cannot send headers, so the cookie
 * also authorises the live stream. Sessions live in memory (a restart signs everybody out).
 */
public final class Sessions {
    public static final String COOKIE = "sw_session";
    private final Tokens tokens;
    private final Map<String, Permission> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public Sessions(Tokens tokens) {
        this.tokens = tokens;
    }

    public Permission permissionOf(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) return tokens.permissionOf(auth.substring(7).strip());
        String session = cookie(ex.getRequestHeaders().getFirst("Cookie"));
        return session == null ? Permission.NONE : sessions.getOrDefault(session, Permission.NONE);
    }

    /** Opens a session for a caller whose bearer token is valid; returns the Set-Cookie header value. */
    public String open(Permission permission) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        sessions.put(session, permission);
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
    }

    static String cookie(String header) {
        if (header == null) return null;
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(COOKIE + "=")) return p.substring(COOKIE.length() + 1);
        }
        return null;
    }
}
