package dev.tunesmith.recommend.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Versioned binary envelope for models: magic {@code "TSRM"}, a model kind string, a format version,
 * then the model body written with {@link DataOutputStream}.
 */
public final class ModelIo {
    /** Magic number at the start of every serialised model. */
    public static final int MAGIC = 0x5453524D;

    private ModelIo() {}

    /** Writes a model body. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a model body. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Serialises a body with its header. */
    public static byte[] toBytes(String kind, int version, Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeUTF(kind);
                out.writeInt(version);
                body.write(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the header (kind and version) and reads the body. */
    public static <T> T fromBytes(byte[] data, String kind, int version, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a Tunesmith model");
            }
            String k = in.readUTF();
            int v = in.readInt();
            if (!k.equals(kind) || v != version) {
                throw new IllegalArgumentException("expected " + kind + " v" + version + " but found " + k + " v" + v);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float f : a) {
            out.writeFloat(f);
        }
    }

    public static float[] readFloats(DataInputStream in) throws IOException {
        float[] a = new float[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    public static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double f : a) {
            out.writeDouble(f);
        }
    }

    public static double[] readDoubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    public static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int f : a) {
            out.writeInt(f);
        }
    }

    public static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }
}
