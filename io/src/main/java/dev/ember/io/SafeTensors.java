package dev.ember.io;

import dev.ember.tensor.DType;
import dev.ember.tensor.Shapes;
import dev.ember.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * mapping names to {@code {dtype, shape, data_offsets}}, then the raw little-endian bytes. Supports
 * F32, F64, I64 and BOOL; refuses other dtypes, truncated files, offsets out of range, sizes that
 * do not match the shape, and overlapping tensors, each with a message naming the file and tensor.
 */
public final class SafeTensors {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    public static Map<String, Tensor> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("safetensors file not found: " + file);
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Parses safetensors bytes; {@code source} names them in error messages. */
    public static Map<String, Tensor> read(byte[] bytes, String source) {
        if (bytes.length < 8) throw bad(source, "file has " + bytes.length + " bytes, fewer than the 8-byte header length");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen = buf.getLong(0);
        if (headerLen < 2 || headerLen > MAX_HEADER || headerLen > bytes.length - 8L) {
            throw bad(source, "header length " + headerLen + " is out of range for a file of " + bytes.length + " bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLen, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw bad(source, "header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) throw bad(source, "header is not a JSON object");
        int dataStart = 8 + (int) headerLen;
        long dataLen = bytes.length - (long) dataStart;
        record Entry(String name, DType dtype, int[] shape, long begin, long end) {}
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : header.properties()) {
            String name = e.getKey();
            if (name.equals("__metadata__")) continue;
            JsonNode t = e.getValue();
            if (!t.isObject()) throw bad(source, "entry '" + name + "' is not an object");
            DType dtype = dtypeOf(t.path("dtype"), name, source);
            int[] shape = shapeOf(t.path("shape"), name, source);
            JsonNode off = t.path("data_offsets");
            if (!off.isArray() || off.size() != 2 || !off.get(0).isIntegralNumber() || !off.get(1).isIntegralNumber()) {
                throw bad(source, "tensor '" + name + "' needs data_offsets [begin, end]");
            }
            long begin = off.get(0).longValue(), end = off.get(1).longValue();
            if (begin < 0 || end < begin || end > dataLen) {
                throw bad(source, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                        + "] outside the data section of " + dataLen + " bytes");
            }
            long expected = (long) Shapes.numel(shape) * dtype.byteSize();
            if (end - begin != expected) {
                throw bad(source, "tensor '" + name + "' of dtype " + code(dtype) + " and shape " + Shapes.str(shape)
                        + " needs " + expected + " bytes but data_offsets span " + (end - begin));
            }
            entries.add(new Entry(name, dtype, shape, begin, end));
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry a = byOffset.get(i - 1), b = byOffset.get(i);
            if (b.begin() < a.end()) {
                throw bad(source, "tensors '" + a.name() + "' and '" + b.name() + "' overlap (bytes " + b.begin() + " to "
                        + Math.min(a.end(), b.end()) + ")");
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Entry e : entries) out.put(e.name(), decode(buf, dataStart + (int) e.begin(), e.dtype(), e.shape()));
        return out;
    }

    private static Tensor decode(ByteBuffer buf, int at, DType dtype, int[] shape) {
        int n = Shapes.numel(shape);
        ByteBuffer b = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(at);
        switch (dtype) {
            case FLOAT32 -> {
                float[] v = new float[n];
                b.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                return Tensor.wrap(v, shape);
            }
            case FLOAT64 -> {
                double[] v = new double[n];
                b.slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
                return Tensor.wrap(v, shape);
            }
            case INT64 -> {
                long[] v = new long[n];
                b.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(v);
                return Tensor.wrap(v, shape);
            }
            default -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = b.get(at + i) != 0;
                return Tensor.wrap(v, shape);
            }
        }
    }

    private static DType dtypeOf(JsonNode node, String name, String source) {
        String s = node.isString() ? node.stringValue() : String.valueOf(node);
        return switch (s) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            case "I64" -> DType.INT64;
            case "BOOL" -> DType.BOOL;
            default -> throw bad(source, "tensor '" + name + "' has dtype " + s
                    + ", which Ember does not support (F32, F64, I64, BOOL)");
        };
    }

    private static int[] shapeOf(JsonNode node, String name, String source) {
        if (!node.isArray()) throw bad(source, "tensor '" + name + "' has no shape list");
        int[] shape = new int[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || d.longValue() < 0 || d.longValue() > Integer.MAX_VALUE) {
                throw bad(source, "tensor '" + name + "' has an invalid dimension " + d + " in its shape");
            }
            shape[i] = d.intValue();
        }
        return shape;
    }

    static String code(DType t) {
        return switch (t) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case BOOL -> "BOOL";
        };
    }

    private static IllegalArgumentException bad(String source, String what) {
        return new IllegalArgumentException("invalid safetensors file " + source + ": " + what);
    }

    /** Writes tensors in map order; the file appears whole or not at all (temporary file, then move). */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        byte[] bytes = toBytes(tensors);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static byte[] toBytes(Map<String, Tensor> tensors) {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long size = (long) t.numel() * t.dtype().byteSize();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", code(t.dtype()));
            var shape = entry.putArray("shape");
            for (int d : t.sizes()) shape.add(d);
            entry.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        if (8L + padded + offset > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("safetensors output of " + (8L + padded + offset) + " bytes is too large");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) buf.put((byte) ' ');
        for (Tensor t : tensors.values()) {
            switch (t.dtype()) {
                case FLOAT32 -> { for (float v : t.toFloatArray()) buf.putFloat(v); }
                case FLOAT64 -> { for (double v : t.toDoubleArray()) buf.putDouble(v); }
                case INT64 -> { for (long v : t.toLongArray()) buf.putLong(v); }
                case BOOL -> { for (boolean v : t.toBooleanArray()) buf.put((byte) (v ? 1 : 0)); }
            }
        }
        return buf.array();
    }
}
