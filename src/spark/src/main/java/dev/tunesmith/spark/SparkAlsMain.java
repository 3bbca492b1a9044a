package dev.tunesmith.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Benchmark-only: trains Apache Spark MLlib implicit ALS (local mode) on a TSV of
 * {@code user \t item \t weight} written by {@code bench als --spark}, and writes the wall-clock
 * seconds of each timed fit plus the user and item factors back for evaluation. Built by the
 * standalone {@code src/spark/pom.xml} (built by the launcher with a JDK 17 or 21), for
 * Java 17: Spark's Hadoop client does not run on Java 23+, and Spark's dependency versions must not
 * be managed by the application's BOMs.
 *
 * <p>Arguments: {@code train.tsv outDir rank regParam alpha maxIter repeats master [warmup]}.
 */
public final class SparkAlsMain {
    private SparkAlsMain() {}

    /** Entry point. */
    public static void main(String[] a) throws IOException {
        Path train = Path.of(a[0]);
        Path out = Path.of(a[1]);
        int rank = Integer.parseInt(a[2]);
        double reg = Double.parseDouble(a[3]);
        double alpha = Double.parseDouble(a[4]);
        int iters = Integer.parseInt(a[5]);
        int repeats = Integer.parseInt(a[6]);
        String master = a[7];
        SparkSession spark = SparkSession.builder().master(master).appName("tunesmith-als-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(train)) {
            String[] f = line.split("\t");
            rows.add(RowFactory.create(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Float.parseFloat(f[2])));
        }
        StructType schema = new StructType().add("user", DataTypes.IntegerType).add("item", DataTypes.IntegerType)
                .add("rating", DataTypes.FloatType);
        Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
        df.count();
        // c = 1 + α·|r| with r = log(1 + plays) matches Tunesmith's c = 1 + α·log(1 + plays)
        ALS als = new ALS().setRank(rank).setRegParam(reg).setAlpha(alpha).setMaxIter(iters).setImplicitPrefs(true)
                .setUserCol("user").setItemCol("item").setRatingCol("rating").setSeed(20110101L)
                .setColdStartStrategy("drop");
        if (a.length < 9 || Boolean.parseBoolean(a[8])) {
            fit(als, df); // warm-up, untimed
        }
        List<Double> secs = new ArrayList<>();
        ALSModel model = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            model = fit(als, df);
            secs.add((System.nanoTime() - t0) / 1e9);
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("seconds.txt"), secs.toString().replaceAll("[\\[\\] ]", ""));
        write(model.userFactors(), out.resolve("users.tsv"));
        write(model.itemFactors(), out.resolve("items.tsv"));
        spark.stop();
    }

    private static ALSModel fit(ALS als, Dataset<Row> df) {
        ALSModel m = als.fit(df);
        m.userFactors().count();
        m.itemFactors().count();
        return m;
    }

    private static void write(Dataset<Row> factors, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (Row r : factors.collectAsList()) {
                w.write(Integer.toString(r.getInt(0)));
                w.write('\t');
                List<Object> v = r.getList(1);
                for (int j = 0; j < v.size(); j++) {
                    w.write(j == 0 ? "" : ",");
                    w.write(v.get(j).toString());
                }
                w.write('\n');
            }
        }
    }
}
