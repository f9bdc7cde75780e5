package io.shiftwatch.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.PromptAttention;
import io.shiftwatch.models.TestbedModelConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * config.json of a testbed checkpoint: the architecture ({@link TestbedModelConfig}) plus the
 * vocabulary size, with a {@code configVersion}. Version 2 added {@code imageEncoder}; a version-1
 * file has none and means {@link ImageEncoder#PATCH_MLP} (written for such models, so their bytes and
 * content hashes are unchanged and older checkpoints still load). Version 3 added {@code promptAttention};
 * it is written only for {@link PromptAttention#PREFIX} models (causal ones keep writing version 1 or 2
 * byte for byte), so a build that does not know prefix attention refuses such a checkpoint instead of
 * running it with the wrong mask. Reading reports every missing or invalid field together.
 */
final class ConfigJson {
    static final int CONFIG_VERSION = 3;
    private static final int IMAGE_ENCODER_VERSION = 2;
    private static final int PROMPT_ATTENTION_VERSION = 3;
    private static final int FIRST_VERSION = 1;
    static final String ARCHITECTURE = "shiftwatch-testbed-vlm";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INT_FIELDS = List.of("imageSize", "prefixTokens", "hiddenSize", "numLayers",
            "numHeads", "mlpRatio", "maxTextTokens", "vocabSize");

    private ConfigJson() {
    }

    record Parsed(TestbedModelConfig config, int vocabSize) {
    }

    static byte[] write(TestbedModelConfig c, int vocabSize) {
        ObjectNode root = JSON.createObjectNode();
        // Causal patch-MLP models keep writing version 1 byte for byte (causal others version 2), so their
        // content hashes do not change.
        boolean prefix = c.promptAttention() != PromptAttention.CAUSAL;
        boolean v1 = c.imageEncoder() == ImageEncoder.PATCH_MLP && !prefix;
        root.put("configVersion", v1 ? FIRST_VERSION : prefix ? PROMPT_ATTENTION_VERSION : IMAGE_ENCODER_VERSION);
        root.put("architecture", ARCHITECTURE);
        root.put("modelId", c.modelId());
        root.put("imageSize", c.imageSize());
        root.put("prefixTokens", c.prefixTokens());
        root.put("hiddenSize", c.hiddenSize());
        root.put("numLayers", c.numLayers());
        root.put("numHeads", c.numHeads());
        root.put("mlpRatio", c.mlpRatio());
        root.put("maxTextTokens", c.maxTextTokens());
        root.put("vocabSize", vocabSize);
        if (!v1) root.put("imageEncoder", c.imageEncoder().word());
        if (prefix) root.put("promptAttention", c.promptAttention().word());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise config " + c, e);
        }
    }

    /** Parses config.json; throws IllegalArgumentException listing every problem. */
    static Parsed read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("config.json is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("config.json is not a JSON object");
        List<String> problems = new ArrayList<>();
        int version = root.path("configVersion").asInt(-1);
        if (version < FIRST_VERSION || version > CONFIG_VERSION)
            problems.add("configVersion " + root.path("configVersion") + " is not supported (this build reads "
                    + FIRST_VERSION + ".." + CONFIG_VERSION + ")");
        ImageEncoder encoder = ImageEncoder.PATCH_MLP;
        if (version >= IMAGE_ENCODER_VERSION) {
            try {
                encoder = ImageEncoder.of(root.path("imageEncoder").asText());
            } catch (IllegalArgumentException e) {
                problems.add("imageEncoder: " + e.getMessage());
            }
        }
        PromptAttention attention = PromptAttention.CAUSAL;
        if (version >= PROMPT_ATTENTION_VERSION) {
            try {
                attention = PromptAttention.of(root.path("promptAttention").asText());
            } catch (IllegalArgumentException e) {
                problems.add("promptAttention: " + e.getMessage());
            }
        }
        if (!ARCHITECTURE.equals(root.path("architecture").asText()))
            problems.add("architecture '" + root.path("architecture").asText() + "' is not " + ARCHITECTURE);
        if (!root.path("modelId").isTextual()) problems.add("modelId is missing or not a string");
        for (String f : INT_FIELDS) if (!root.path(f).canConvertToInt()) problems.add(f + " is missing or not an integer");
        if (!problems.isEmpty()) throw new IllegalArgumentException("config.json: " + String.join("; ", problems));
        var config = new TestbedModelConfig(root.get("modelId").asText(), root.get("imageSize").asInt(),
                root.get("prefixTokens").asInt(), root.get("hiddenSize").asInt(), root.get("numLayers").asInt(),
                root.get("numHeads").asInt(), root.get("mlpRatio").asInt(), root.get("maxTextTokens").asInt(), encoder,
                attention);
        return new Parsed(config, root.get("vocabSize").asInt());
    }
}
