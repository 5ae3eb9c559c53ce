package kernelwise.search.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the plan reader would not say clearly about a plan file's JSON: that it is {@code null}, that a layer is
 * {@code null}, or that bits are not whole numbers (Jackson would cut 4.7 to 4 without a word).
 */
final class PlanShape {
    private PlanShape() {
    }

    /** The first such problem, or null (leaving everything else to the plan reader's own checks). */
    static String problem(String json) {
        JsonNode root;
        try {
            root = CliJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || root.isMissingNode()) return "the file is empty";
        if (root.isNull()) return "the file holds null, not a plan object";
        if (!root.isObject()) return "the file holds a JSON " + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ", not a plan object";
        JsonNode layers = root.get("layers");
        if (layers == null || !layers.isArray()) return null;
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            if (l == null || l.isNull()) return "layer " + i + " is null";
            if (!l.isObject()) return "layer " + i + " is not an object, found " + l;
            String name = l.hasNonNull("layer") ? "'" + l.get("layer").asText() + "'" : Integer.toString(i);
            JsonNode a = l.get("activationBits");
            if (a != null && a.isNumber() && !a.canConvertToExactIntegral()) return "layer " + name + " activation bits must be a whole number, found " + a;
            JsonNode w = l.get("weightBits");
            if (w != null && w.isArray()) {
                for (int k = 0; k < w.size(); k++) {
                    JsonNode b = w.get(k);
                    if (b == null || b.isNull()) return "layer " + name + " kernel " + k + " weight bits are null";
                    if (b.isNumber() && !b.canConvertToExactIntegral()) return "layer " + name + " kernel " + k + " weight bits must be a whole number (1..8 or 32), found " + b;
                }
            }
            JsonNode sp = l.get("sparsity");
            if (sp != null && sp.isArray()) {
                for (int k = 0; k < sp.size(); k++) if (sp.get(k).isNull()) return "layer " + name + " kernel " + k + " sparsity is null";
            }
        }
        return null;
    }
}
