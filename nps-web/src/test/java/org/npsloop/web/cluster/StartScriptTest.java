package org.npsloop.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bin/nps-loop: alone without Hazelcast, a cluster only on purpose (members or DNS, and a name), never multicast. */
class StartScriptTest {

    private record Run(int exit, String out, String err) { }

    private static Run run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "bin", "nps-loop").toString(), "--print-options");
        builder.environment().keySet().removeIf(k -> k.startsWith("NPS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), out, err);
    }

    @Test
    void aloneStartsWithoutHazelcast() throws Exception {
        Run run = run(Map.of());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().toList().contains("--nohazelcast"), run.out());
        assertTrue(!run.out().contains("--clustermode"), run.out());
    }

    @Test
    void aMemberListMakesAnExplicitTcpCluster() throws Exception {
        Run run = run(Map.of("NPS_CLUSTER_MEMBERS", "10.0.0.11:6900,10.0.0.12:6900", "NPS_CLUSTER_NAME", "nps-loop-prod-7f3k",
                "NPS_CLUSTER_PORT", "6901"));
        assertEquals(0, run.exit(), run.err());
        List<String> options = run.out().lines().toList();
        assertEquals("tcpip:10.0.0.11:6900,10.0.0.12:6900", options.get(options.indexOf("--clustermode") + 1));
        assertEquals("nps-loop-prod-7f3k", options.get(options.indexOf("--clustername") + 1));
        assertEquals("6901", options.get(options.indexOf("--startport") + 1));
        assertTrue(!options.contains("--nohazelcast") && !run.out().contains("multicast"), run.out());
    }

    @Test
    void aDnsNameMakesADnsCluster() throws Exception {
        Run run = run(Map.of("NPS_CLUSTER_DNS", "nps-loop.internal:6900", "NPS_CLUSTER_NAME", "nps-loop-prod-7f3k"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().toList().contains("dns:nps-loop.internal:6900"), run.out());
    }

    @Test
    void aClusterWithoutANameOrWithHalfASettingIsRefused() throws Exception {
        Run noName = run(Map.of("NPS_CLUSTER_MEMBERS", "10.0.0.11:6900,10.0.0.12:6900"));
        assertEquals(2, noName.exit());
        assertTrue(noName.err().contains("NPS_CLUSTER_NAME"), noName.err());
        assertEquals("", noName.out());

        Run defaultName = run(Map.of("NPS_CLUSTER_MEMBERS", "10.0.0.11:6900", "NPS_CLUSTER_NAME", "development"));
        assertEquals(2, defaultName.exit());

        Run nameOnly = run(Map.of("NPS_CLUSTER_NAME", "nps-loop-prod-7f3k"));
        assertEquals(2, nameOnly.exit());
        assertTrue(nameOnly.err().contains("NPS_CLUSTER_MEMBERS"), nameOnly.err());

        Run both = run(Map.of("NPS_CLUSTER_MEMBERS", "10.0.0.11:6900", "NPS_CLUSTER_DNS", "nps.internal:6900",
                "NPS_CLUSTER_NAME", "nps-loop-prod-7f3k"));
        assertEquals(2, both.exit());

        Run badList = run(Map.of("NPS_CLUSTER_MEMBERS", "10.0.0.11", "NPS_CLUSTER_NAME", "nps-loop-prod-7f3k"));
        assertEquals(2, badList.exit());
        assertTrue(badList.err().contains("host:port"), badList.err());
    }
}
