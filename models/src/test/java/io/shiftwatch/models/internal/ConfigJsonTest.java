package io.shiftwatch.models.internal;

import io.shiftwatch.models.ImageEncoder;
import io.shiftwatch.models.PromptAttention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigJsonTest {

    @ParameterizedTest
    @EnumSource(value = ImageEncoder.class, names = {"CONV_STEM", "PATCH_WINDOW", "PATCH_MLP_NORM"})
    void aNonDefaultEncoderConfigRoundTripsAsVersionTwo(ImageEncoder encoder) {
        // Given
        var config = ToyWorld.tinyConfig().withImageEncoder(encoder);

        // When
        byte[] json = ConfigJson.write(config, 17);
        var parsed = ConfigJson.read(json);

        // Then
        assertEquals(config, parsed.config());
        assertEquals(17, parsed.vocabSize());
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"configVersion\" : 2"));
        assertFalse(new String(json, StandardCharsets.UTF_8).contains("promptAttention"));
    }

    @ParameterizedTest
    @EnumSource(value = ImageEncoder.class)
    void aPrefixAttentionConfigRoundTripsAsVersionThree(ImageEncoder encoder) {
        // Given
        var config = ToyWorld.tinyConfig().withImageEncoder(encoder).withPromptAttention(PromptAttention.PREFIX);

        // When
        byte[] json = ConfigJson.write(config, 17);
        var parsed = ConfigJson.read(json);

        // Then
        assertEquals(config, parsed.config());
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"configVersion\" : 3"), text);
        assertTrue(text.contains("\"promptAttention\" : \"prefix\""), text);
    }

    @Test
    void anUnknownPromptAttentionIsReportedByName() {
        // Given
        String json = new String(ConfigJson.write(ToyWorld.tinyConfig().withPromptAttention(PromptAttention.PREFIX), 17),
                StandardCharsets.UTF_8).replace("\"prefix\"", "\"sideways\"");

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigJson.read(json.getBytes(StandardCharsets.UTF_8)));

        // Then
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }

    @Test
    void aPatchMlpConfigIsStillWrittenAsVersionOneWithoutTheNewField() {
        // Given
        var config = ToyWorld.tinyConfig();

        // When
        String json = new String(ConfigJson.write(config, 17), StandardCharsets.UTF_8);

        // Then
        assertTrue(json.contains("\"configVersion\" : 1"), json);
        assertFalse(json.contains("imageEncoder"), json);
        assertFalse(json.contains("promptAttention"), json);
        assertEquals(ImageEncoder.PATCH_MLP, ConfigJson.read(json.getBytes(StandardCharsets.UTF_8)).config().imageEncoder());
        assertEquals(PromptAttention.CAUSAL, ConfigJson.read(json.getBytes(StandardCharsets.UTF_8)).config().promptAttention());
    }

    @Test
    void anUnknownEncoderIsReportedByName() {
        // Given
        String json = new String(ConfigJson.write(ToyWorld.tinyConfig().withImageEncoder(ImageEncoder.CONV_STEM), 17),
                StandardCharsets.UTF_8).replace("conv-stem", "vit-huge");

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigJson.read(json.getBytes(StandardCharsets.UTF_8)));

        // Then
        assertTrue(e.getMessage().contains("vit-huge"), e.getMessage());
    }
}
