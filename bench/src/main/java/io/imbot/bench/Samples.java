package io.imbot.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every run's value of every named figure; the table shows medians. Notes explain missing figures. */
final class Samples {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    void add(String key, double value) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    void addLatency(String key, Load.Result r) {
        add(key + ".p50", r.p(50));
        add(key + ".p99", r.p(99));
        add(key + ".p999", r.p(99.9));
    }

    /** Records a load run's rate and latency under {@code key}, and its failed or unfinished sends if any. */
    void record(String key, Load.Result r, Options o) {
        add(key + ".rate", r.rate());
        addLatency(key, r);
        if (r.failures() > 0 || r.unfinished() > 0) {
            add(key + ".failed", r.failures() + r.unfinished());
        }
        if (o.verbose()) {
            System.err.printf("  %s: %.0f/s p50 %.3f p99 %.3f p99.9 %.3f ms, failed %d, unfinished %d%n", key, r.rate(), r.p(50), r.p(99),
                    r.p(99.9), r.failures(), r.unfinished());
        }
    }

    /** Records why {@code key} has no value (for example, mosquitto is not installed). */
    void note(String key, String why) {
        notes.put(key, why);
    }

    String noteFor(String key) {
        for (Map.Entry<String, String> e : notes.entrySet()) {
            if (key.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    double median(String key) {
        List<Double> v = values.get(key);
        if (v == null || v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    int count(String key) {
        List<Double> v = values.get(key);
        return v == null ? 0 : v.size();
    }

    Map<String, List<Double>> all() {
        return values;
    }
}
