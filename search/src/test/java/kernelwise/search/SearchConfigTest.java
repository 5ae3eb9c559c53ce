package kernelwise.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kernelwise.agents.AgentConfig;
import kernelwise.env.EnvConfig;
import kernelwise.env.Resource;
import kernelwise.env.reward.RewardMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.*;

class SearchConfigTest {

    @Test
    void givenTheDefaults_whenWrittenAsJsonAndReadBack_thenEqual() {
        SearchConfig c = SearchConfig.builder().build();
        assertEquals(c, SearchConfig.fromJson(c.toJson()));
        assertEquals("lenet5", c.model());
        assertEquals("hierarchical", c.agent());
        assertEquals(Resource.SIZE, c.env().budget().resource());
        assertEquals(0.011, c.env().budget().fraction());
        assertTrue(c.env().kernelSteps(), "the hierarchical agent drives kernel steps");
        assertEquals(new AgentConfig(), c.agentConfig());
    }

    @Test
    void givenOptions_whenBuilt_thenTheEnvHoldsThemAndTheAgentsView() {
        SearchConfig c = SearchConfig.builder().agent("ddpg").hardware("size", null).budget("size=0.05").mode("weighted")
                .evalImages(200).seed(4).run("r").build();
        assertFalse(c.env().kernelSteps(), "flat DDPG drives the per-layer view");
        assertEquals("size", c.env().hardware());
        assertEquals(RewardMode.WEIGHTED, c.env().mode());
        assertEquals(200, c.env().evalSamples());
        assertEquals(c, SearchConfig.fromJson(c.toJson()));
    }

    @Test
    void givenAModelPath_whenNamingARun_thenTheFileNameIsUsed() {
        assertEquals("my_net-random-s7-20260102-030405",
                SearchConfig.defaultRunName("/tmp/x/my net.zip", "random", 7, LocalDateTime.of(2026, 1, 2, 3, 4, 5)));
    }

    @Test
    void givenBadValues_whenBuilt_thenTheMessageNamesTheParameterAndTheValue() {
        SearchConfig d = SearchConfig.builder().build();
        assertMessage("episodes must be positive, found 0", () -> d.withEpisodes(0));
        assertMessage("found 'latency:0.4'", () -> SearchConfig.builder().budget("latency:0.4"));
        assertMessage("unknown agent 'sarsa'", () -> SearchConfig.builder().agent("sarsa").build());
        assertMessage("hardware must be one of", () -> SearchConfig.builder().hardware("tpu", null).build());
        assertMessage("mode must be one of", () -> SearchConfig.builder().mode("greedy"));
        assertMessage("eval images must be positive, found 0", () -> SearchConfig.builder().evalImages(0));
        assertMessage("run name must be", () -> d.withRun("../etc"));
        assertMessage("agent ddpg drives the env's per-layer view, found an env configuration with kernelSteps true",
                () -> new SearchConfig("r", "lenet5", kernelwise.models.data.DataSpec.named("mnist"), "ddpg", 3, 1, 1, d.env(), d.agentConfig()));
    }

    @Test
    void givenJsonWithAnUnknownField_whenRead_thenRefusedAtEveryLevel() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode top = (ObjectNode) m.readTree(SearchConfig.builder().build().toJson());
        assertMessage("colour", () -> SearchConfig.fromJson(top.deepCopy().put("colour", 3).toString()));
        ObjectNode env = top.deepCopy();
        ((ObjectNode) env.get("env")).put("hardwre", "bismo");
        assertMessage("hardwre", () -> SearchConfig.fromJson(env.toString()));
        ObjectNode agent = top.deepCopy();
        ((ObjectNode) agent.get("agentConfig").get("high")).put("criticLR", 0.1);
        assertMessage("criticLR", () -> SearchConfig.fromJson(agent.toString()));
    }

    @Test
    void givenTheSchema1FormOfAStoredConfig_whenRead_thenItsEnvAndAgentConfigurationsAreKept() throws Exception {
        EnvConfig env = EnvConfig.defaults().toBuilder().budget(kernelwise.env.budget.Budget.parse("energy=0.3")).evalSamples(300).build();
        ObjectNode old = new ObjectMapper().createObjectNode().put("run", "old").put("model", "lenet5").put("dataset", "mnist")
                .put("agent", "hierarchical").put("hardware", "bitfusion").putNull("hardwareParams").put("budget", "energy=0.3")
                .put("mode", "resource-constrained").put("maxAccuracyLoss", 0.01).put("episodes", 20).put("seed", 2)
                .put("evalImages", 300).put("checkpointEvery", 1);
        old.set("envConfig", new ObjectMapper().readTree(env.toJson()));
        old.set("agentConfig", new ObjectMapper().readTree(new AgentConfig().toJson()));
        SearchConfig c = SearchConfig.fromJson(old.toString());
        assertEquals(env, c.env());
        assertEquals(20, c.episodes());
        assertEquals(2, c.seed());
    }

    @Test
    void givenAStoredConfigNamingADataset_whenRead_thenItIsTheNamedDataSpecAndAFileSpecRoundTrips() throws Exception {
        ObjectNode now = (ObjectNode) new ObjectMapper().readTree(SearchConfig.builder().run("r").build().toJson());
        assertEquals("mnist", now.get("data").asText());
        now.remove("data");
        now.put("dataset", "fashion-mnist");
        assertEquals(kernelwise.models.data.DataSpec.named("fashion-mnist"), SearchConfig.fromJson(now.toString()).data());
        SearchConfig files = SearchConfig.builder().run("f").data("npy:/d/x.npy+/d/y.npy,validation=0.2,test=0.2,seed=3").build();
        assertEquals(files, SearchConfig.fromJson(files.toJson()));
        assertMessage("unknown data set or format 'cifar'", () -> SearchConfig.builder().data("cifar"));
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
