package dev.polygate.train;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One generator per purpose per run, derived from (seed, label) — never shared between runs or
 * threads, so a result cannot depend on scheduling. XoShiRo256++ from Commons RNG: a named,
 * versioned algorithm whose stream is the same on every JDK.
 */
public final class Seeds {
    private Seeds() {
    }

    public static UniformRandomProvider generator(long seed, String label) {
        return RandomSource.XO_SHI_RO_256_PP.create(derive(seed, label));
    }

    /** SplitMix64 finaliser over the seed and the label's UTF-8 bytes (FNV-1a folded). */
    static long derive(long seed, String label) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = seed * 0x9e3779b97f4a7c15L + hash;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
