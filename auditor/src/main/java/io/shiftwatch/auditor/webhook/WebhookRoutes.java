package io.shiftwatch.auditor.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a run's alerts are POSTed: every {@code global} URL, plus each {@link LabelRoute} whose
 * label the run carries with that value (labels from the {@code runs} row the analyzer writes; a run
 * not yet known there gets the global URLs only). URLs are http or https; nothing is null.
 */
public record WebhookRoutes(List<URI> global, List<LabelRoute> byLabel) {
    /** Alerts of runs whose label {@code key} equals {@code value} go to {@code url}. */
    public record LabelRoute(String key, String value, URI url) {
    }

    public WebhookRoutes {
        global = List.copyOf(global);
        byLabel = List.copyOf(byLabel);
        global.forEach(WebhookRoutes::checkUrl);
        byLabel.forEach(r -> checkUrl(r.url()));
    }

    public static WebhookRoutes none() {
        return new WebhookRoutes(List.of(), List.of());
    }

    /** Parses the config values: URLs, and {@code key=value->url} entries; IllegalArgumentException naming a bad entry. */
    public static WebhookRoutes parse(List<String> urls, List<String> labelRoutes) {
        List<URI> global = urls.stream().map(WebhookRoutes::url).toList();
        List<LabelRoute> routes = new ArrayList<>();
        for (String entry : labelRoutes) {
            int arrow = entry.indexOf("->");
            int eq = entry.indexOf('=');
            if (arrow < 0 || eq < 1 || eq > arrow) {
                throw new IllegalArgumentException("\"" + entry + "\" is not a label route (key=value->url)");
            }
            routes.add(new LabelRoute(entry.substring(0, eq).trim(), entry.substring(eq + 1, arrow).trim(),
                    url(entry.substring(arrow + 2))));
        }
        return new WebhookRoutes(global, routes);
    }

    public boolean isEmpty() {
        return global.isEmpty() && byLabel.isEmpty();
    }

    /** The distinct URLs for a run with {@code labels}, global ones first. */
    public List<URI> urlsFor(Map<String, String> labels) {
        Set<URI> urls = new LinkedHashSet<>(global);
        for (LabelRoute route : byLabel) {
            if (route.value().equals(labels.get(route.key()))) urls.add(route.url());
        }
        return List.copyOf(urls);
    }

    private static URI url(String text) {
        try {
            URI uri = URI.create(text.trim());
            checkUrl(uri);
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" is not an http(s) URL: " + e.getMessage());
        }
    }

    private static void checkUrl(URI uri) {
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook URL " + uri + " must be http(s)://host/...");
        }
    }
}
