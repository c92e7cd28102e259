package dev.ember.random;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code random/torch-1.13.1-tables.txt}, written by {@code tools/random/generate_tables.py}
 * from real torch 1.13.1: lines {@code name|seed|n|hex,hex,...}, {@code #} for comments.
 */
final class TorchTables {
    private TorchTables() {}

    static final String RESOURCE = "/random/torch-1.13.1-tables.txt";

    /** One line: the values are raw bit patterns (float32 bits in the low 32 bits). */
    record Entry(String name, long seed, int n, long[] values) {
        float f32(int i) {
            return Float.intBitsToFloat((int) values[i]);
        }

        double f64(int i) {
            return Double.longBitsToDouble(values[i]);
        }

        /** The value words as little-endian bytes (the RNG state records). */
        byte[] bytes() {
            ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                b.putLong(v);
            }
            return b.array();
        }

        @Override
        public String toString() {
            return name + " seed=" + Long.toUnsignedString(seed) + " n=" + n;
        }
    }

    private static List<Entry> cache;

    static synchronized List<Entry> all() {
        if (cache == null) {
            cache = load();
        }
        return cache;
    }

    static Entry find(String name, long seed) {
        for (Entry e : all()) {
            if (e.name().equals(name) && e.seed() == seed) {
                return e;
            }
        }
        throw new IllegalArgumentException("no table entry " + name + " seed " + seed);
    }

    private static List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = TorchTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("bad line: " + line);
                }
                String[] hex = f[3].split(",");
                long[] v = new long[hex.length];
                for (int i = 0; i < hex.length; i++) {
                    v[i] = Long.parseUnsignedLong(hex[i], 16);
                }
                out.add(new Entry(f[0], Long.parseUnsignedLong(f[1]), Integer.parseInt(f[2]), v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
