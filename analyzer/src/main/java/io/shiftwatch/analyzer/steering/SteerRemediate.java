package io.shiftwatch.analyzer.steering;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.analyzer.extraction.ExtractionProgress;
import io.shiftwatch.analyzer.internal.ProgressBar;
import io.shiftwatch.ingest.Config;
import io.shiftwatch.migrations.Database;
import io.shiftwatch.migrations.DatabaseConfig;
import io.shiftwatch.models.probe.ProbeSet;
import io.shiftwatch.models.probe.ProbeSetFiles;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code steer remediate --run R --probe DIR}: for every open BIAS_ABSORBING finding of run R, a coarse
 * debiasing vector from the finding's checkpoint against the run's base ({@link Remedy}), measured on
 * held-out probes and stored in {@code steering_vectors} for the run with its provenance (finding,
 * step, target, concept, words), so the audit report's remediation section shows it. Re-running gives
 * the same rows (deterministic vectors, upsert). With {@code --wait-for FILE} it first waits for the
 * training run to end and its checkpoints to be analysed (the demo starts it beside the fine-tune).
 */
final class SteerRemediate {
    private SteerRemediate() {
    }

    static int run(Config c, ProgressBar bar) throws Exception {
        return remediate(Database.dataSource(DatabaseConfig.fromEnvironment()), c, bar);
    }

    /** The work on {@code ds}; returns the exit code (0: every finding handled, remedied or with the reason it was not). */
    static int remediate(DataSource ds, Config c, ExtractionProgress bar) throws Exception {
        var source = new RemediationSource(ds);
        String runId = c.get(RemediateKeys.RUN);
        if (c.optional(RemediateKeys.WAIT_FOR).isPresent()) RemediationWait.until(c, source, runId);
        ProbeSet set = ProbeSetFiles.read(c.get(SteerKeys.PROBE));
        List<Probe> probes = Probe.of(set);
        var settings = new Remedy.Settings(dir -> SteerCommand.open(dir, c), new ProbeRunner(c.get(RemediateKeys.MAX_NEW_TOKENS),
                c.get(SteerKeys.BATCH)), c.get(RemediateKeys.LAYER), SteerKeys.range(c.get(SteerKeys.RANGE)), c.get(RemediateKeys.ALPHAS),
                c.get(SteerKeys.SEED));
        var entries = source.findings(runId, c.get(RemediateKeys.TYPES));
        int stored = 0;
        System.out.println("run " + runId + ": " + entries.size() + " open finding(s) of " + c.get(RemediateKeys.TYPES));
        for (int i = 0; i < entries.size(); i++) {
            var part = bar.within((double) i / entries.size(), (double) (i + 1) / entries.size());
            switch (entries.get(i)) {
                case RemediationSource.Unusable u -> System.out.println("finding " + u.findingId() + " (" + u.type() + "): not remedied: " + u.reason());
                case RemediationSource.Found f -> {
                    var scope = Remedy.showing(f.finding().target());
                    var selected = Remedy.select(probes, scope, c.get(RemediateKeys.MAX_SCOPE), c.get(RemediateKeys.MAX_OTHER));
                    switch (Remedy.compute(f.finding(), selected, settings, part)) {
                        case Remedy.Skipped s -> System.out.println("finding " + f.finding().describe() + ": not remedied: " + s.reason());
                        case Remedy.Outcome o -> {
                            var v = vector(f.finding(), o, set, selected.size());
                            System.out.println("finding " + f.finding().describe() + ": stored " + v.name() + " as "
                                    + new SteeringStore(ds).save(v) + "; held-out: " + summary(o.heldOut()));
                            stored++;
                        }
                    }
                }
            }
        }
        System.out.println("remediation of run " + runId + ": " + stored + " vector(s) stored");
        return 0;
    }

    static SteeringVector vector(Remediable f, Remedy.Outcome o, ProbeSet set, int probes) {
        Map<String, String> p = new TreeMap<>();
        p.put("method", "remedy: coarse mean(base states) - mean(checkpoint states) predicting " + o.absorbed() + "/" + o.counterpart()
                + " on probes showing '" + f.target() + "', search half; alpha by restored - flipped - collateral");
        p.put("findingId", f.findingId());
        p.put("findingType", f.type());
        p.put("run", f.runId());
        p.put("step", Long.toString(f.step()));
        p.put("target", f.target());
        p.put("concept", Integer.toString(f.concept()));
        p.put("findingLayer", Integer.toString(f.layer()));
        p.put("absorbed", o.absorbed());
        p.put("counterpart", o.counterpart());
        p.put("base", f.base().toString());
        p.put("checkpoint", f.checkpoint().toString());
        p.put("probeSetHash", set.contentHash());
        p.put("probes", Integer.toString(probes));
        p.put("rows", Integer.toString(o.rows()));
        String name = "remedy of " + f.type() + " '" + f.target() + "' concept " + f.concept() + " (step " + f.step() + "): "
                + o.absorbed() + " -> " + o.counterpart() + ", coarse @L" + o.layer();
        return new SteeringVector(name, SteeringKind.COARSE, o.modelHash(), o.layer(), o.vector(), (float) o.heldOut().alpha(), o.range(),
                Optional.empty(), Optional.of(f.runId()), p, SteeringJson.write(evaluation(f, o)));
    }

    static ObjectNode evaluation(Remediable f, Remedy.Outcome o) {
        ObjectNode e = SteeringJson.MAPPER.createObjectNode();
        e.put("findingId", f.findingId());
        e.put("effect", summary(o.heldOut()));
        e.put("split", "held-out half");
        e.set("heldOut", effect(o.heldOut()));
        var curve = e.putArray("searchCurve");
        o.curve().forEach(p -> curve.add(effect(p)));
        return e;
    }

    private static ObjectNode effect(RemedyEffect r) {
        ObjectNode o = SteeringJson.MAPPER.createObjectNode();
        o.put("alpha", r.alpha()).put("score", r.score()).put("inScope", r.inScope()).put("biased", r.biased()).put("restored", r.restored())
                .put("agreed", r.agreed()).put("kept", r.kept()).put("shareBase", r.shareBase()).put("shareCheckpoint", r.shareCheckpoint())
                .put("shareSteered", r.shareSteered()).put("outOfScope", r.outOfScope()).put("collateral", r.collateral());
        return o;
    }

    /** "alpha 1: restored 9/11 biased outputs, kept 10/12 agreeing, share of 'woman' 0.98 -> 0.55 (base 0.49), 2/30 other outputs changed". */
    static String summary(RemedyEffect r) {
        return String.format(java.util.Locale.ROOT, "alpha %s: restored %d/%d biased outputs, kept %d/%d agreeing ones, absorbed-word share"
                        + " %.2f -> %.2f (base %.2f), %d/%d other outputs changed", SteeringMarkdown.fmt(r.alpha()), r.restored(), r.biased(),
                r.kept(), r.agreed(), r.shareCheckpoint(), r.shareSteered(), r.shareBase(), r.collateral(), r.outOfScope());
    }
}
