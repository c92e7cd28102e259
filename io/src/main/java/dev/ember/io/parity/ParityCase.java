package dev.ember.io.parity;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One case of a {@code parity/1} suite (see conformance-format.md). */
public record ParityCase(String id, String module, JsonNode args, boolean training, List<String> inputs,
                         Map<String, String> params, List<String> outputs, List<String> gradOutputs,
                         Map<String, String> grads, double rtol, double atol, String error, Long seed,
                         String repr, List<String> printed, String check, int[] outputSize) {}
