package dev.tunesmith.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.tunesmith.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Builds this node's Vert.x: alone when no cluster is configured (nothing of Hazelcast is loaded),
 * else clustered with the Hazelcast cluster manager discovering its peers over a fixed TCP member
 * list ({@code TUNESMITH_CLUSTER_MEMBERS}; multicast and auto-detection off), bound and announced
 * on {@code TUNESMITH_CLUSTER_HOST:TUNESMITH_CLUSTER_PORT}. The clustered event bus binds the same host
 * on a free port, announced through the cluster manager.
 */
public final class Clustering {

    /** This process's node id in logs, overviews and job leases when it runs alone. */
    private static final String LOCAL_ID = "node-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    /** JVM flags Hazelcast asks for on JDK 9+ (its start-up warning names them); the launcher passes the same. */
    public static final java.util.List<String> JVM_OPTIONS = java.util.List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private Clustering() {}

    /** A standalone or clustered Vert.x, per {@code config.cluster()}. */
    public static Future<Vertx> vertx(AppConfig.Cluster cluster, VertxOptions options) {
        if (!cluster.enabled()) {
            return Future.succeededFuture(Vertx.vertx(options));
        }
        options.setEventBusOptions(new EventBusOptions().setHost(cluster.host()).setPort(0).setClusterPublicHost(cluster.host()));
        return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast(cluster))).buildClustered();
    }

    /** The Hazelcast configuration: Vert.x's defaults (its maps and multimaps) with TCP-only discovery. */
    static Config hazelcast(AppConfig.Cluster cluster) {
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName("tunesmith");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        hz.setProperty("hazelcast.shutdownhook.enabled", "false"); // Vert.x leaves the cluster on close
        String address = resolve(cluster.host()); // a container's name resolves to its address on the network
        hz.setProperty("hazelcast.local.localAddress", address);
        // a member that stops answering is dropped after 10 s (the default is 60 s)
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        NetworkConfig net = hz.getNetworkConfig();
        net.setPort(cluster.port()).setPortAutoIncrement(false);
        net.setPublicAddress(address + ":" + cluster.port());
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members()).setConnectionTimeoutSeconds(3);
        return hz;
    }

    private static String resolve(String host) {
        try {
            return java.net.InetAddress.getByName(host).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("TUNESMITH_CLUSTER_HOST '" + host + "' does not resolve", e);
        }
    }

    /** The cluster manager of a clustered Vert.x, or null. */
    private static ClusterManager manager(Vertx vertx) {
        return vertx instanceof VertxInternal internal && vertx.isClustered() ? internal.clusterManager() : null;
    }

    /** Members of this node's cluster (1 when it runs alone). */
    public static int members(Vertx vertx) {
        ClusterManager m = manager(vertx);
        return m == null ? 1 : m.getNodes().size();
    }

    /** This node's id: the cluster manager's node id when clustered. */
    public static String nodeId(Vertx vertx) {
        ClusterManager m = manager(vertx);
        return m == null ? LOCAL_ID : m.getNodeId();
    }
}
