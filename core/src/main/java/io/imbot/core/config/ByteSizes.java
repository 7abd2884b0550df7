package io.imbot.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes in bytes written as a whole number with an optional binary unit ({@code 1048576},
 * {@code 512KiB}, {@code 64MiB}, {@code 1GiB}) or, where a setting allows it, as a share of this
 * JVM's maximum heap ({@code 25%}).
 */
public final class ByteSizes {

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(KiB|MiB|GiB)?");
    private static final Pattern SHARE = Pattern.compile("(\\d{1,3})\\s*%");

    private ByteSizes() {}

    /**
     * Parses {@code text}.
     *
     * @param percentOfHeap whether {@code N%} (of {@link Runtime#maxMemory()}, 1 to 100) is accepted
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is not one
     */
    public static long parse(String text, boolean percentOfHeap) {
        String t = text.trim();
        Matcher share = SHARE.matcher(t);
        if (percentOfHeap && share.matches()) {
            int percent = Integer.parseInt(share.group(1));
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("expected a share of the heap from 1% to 100%, got '" + text + "'");
            }
            return Runtime.getRuntime().maxMemory() / 100 * percent;
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 65536, 512KiB, 64MiB or 1GiB"
                    + (percentOfHeap ? ", or a share of the heap such as 25%" : "") + ", got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            default -> 30;
        };
        return n << shift;
    }
}
