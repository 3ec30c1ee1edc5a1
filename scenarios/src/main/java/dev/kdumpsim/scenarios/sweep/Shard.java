package dev.kdumpsim.scenarios.sweep;

/**
 * A deterministic slice of a sweep for a CI matrix: shard {@code k} of {@code n} (1-based) holds
 * the variants whose index {@code i} has {@code (i mod n) + 1 == k}. Round-robin rather than
 * contiguous blocks, so every shard gets a similar mix of parameter points and similar run time.
 */
public record Shard(int k, int n) {

    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("shard " + k + "/" + n + ": need 1 <= k <= n");
        }
    }

    /** Parses {@code k/n}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("shard '" + text + "' is not k/n (e.g. --shard 2/4 for the second of four shards)");
    }

    public boolean contains(int variantIndex) {
        return variantIndex % n + 1 == k;
    }

    public boolean isAll() {
        return n == 1;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
