package org.lowtide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class CliJsonTest {

    @Test
    void nonFiniteNumbersBecomeNullAtAnyDepth() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("a", Double.NaN).put("b", 1.5);
        root.putArray("list").add(Double.POSITIVE_INFINITY).add(2).addObject().put("share", Double.NEGATIVE_INFINITY);

        String json = mapper.writeValueAsString(CliJson.finite(root));

        assertThat(json).isEqualTo("{\"a\":null,\"b\":1.5,\"list\":[null,2,{\"share\":null}]}");
    }
}
