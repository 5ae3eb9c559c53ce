package kernelwise.search;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.*;

class SearchConfigTest {

    @Test
    void givenTheDefaults_whenWrittenAsJsonAndReadBack_thenEqual() {
        SearchConfig c = SearchConfig.defaults();
        assertEquals(c, SearchConfig.fromJson(c.toJson()));
        assertEquals("lenet5", c.model());
        assertEquals("hierarchical", c.agent());
        assertEquals("latency", c.budgetResource());
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("scorers", 2);
        SearchConfig filled = c.withParts(node, node.deepCopy().put("tau", 0.01));
        assertEquals(filled, SearchConfig.fromJson(filled.toJson()));
    }

    @Test
    void givenAModelPath_whenNamingARun_thenTheFileNameIsUsed() {
        assertEquals("my_net-random-s7-20260102-030405",
                SearchConfig.defaultRunName("/tmp/x/my net.zip", "random", 7, LocalDateTime.of(2026, 1, 2, 3, 4, 5)));
    }

    @Test
    void givenBadValues_whenBuilt_thenTheMessageNamesTheParameterAndTheValue() {
        SearchConfig d = SearchConfig.defaults();
        assertMessage("episodes must be positive, found 0", () -> d.withEpisodes(0));
        assertMessage("found 'latency:0.4'", () -> new SearchConfig(d.run(), d.model(), d.dataset(), d.agent(), d.hardware(), d.hardwareParams(),
                "latency:0.4", d.mode(), 0.01, 3, 1, 100, 1, null, null));
        assertMessage("agent must be one of", () -> new SearchConfig(d.run(), d.model(), d.dataset(), "sarsa", d.hardware(), d.hardwareParams(),
                d.budget(), d.mode(), 0.01, 3, 1, 100, 1, null, null));
        assertMessage("eval images must be 1..5000, found 6000", () -> new SearchConfig(d.run(), d.model(), d.dataset(), d.agent(),
                d.hardware(), d.hardwareParams(), d.budget(), d.mode(), 0.01, 3, 1, 6000, 1, null, null));
        assertMessage("run name must be", () -> d.withRun("../etc"));
    }

    @Test
    void givenJsonWithAnUnknownField_whenRead_thenRefused() {
        String json = SearchConfig.defaults().toJson().replace("{", "{\"colour\": 3,");
        assertThrows(IllegalArgumentException.class, () -> SearchConfig.fromJson(json));
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
