package io.openfirecluster.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The member addresses in Hazelcast's answer to {@code /hazelcast/rest/cluster} (Hazelcast 5.5):
 * {@code {"members":[{"address":"[172.60.0.10]:5701","liteMember":false,"localMember":true,...},...],...}}.
 */
public final class HazelcastMembers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HazelcastMembers() {
    }

    /** The member addresses in TEXT, in its order (IPv6 as Hazelcast writes it); empty if there are none. */
    public static List<String> parse(String text) {
        JsonNode answer;
        try {
            answer = JSON.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            return List.of(); // not Hazelcast's answer (yet)
        }
        List<String> members = new ArrayList<>();
        if (answer != null) {
            for (JsonNode member : answer.path("members")) {
                String address = member.path("address").asText("");
                // "[HOST]:PORT", the brackets also around IPv4 addresses.
                if (address.startsWith("[") && address.indexOf(']') > 1) {
                    members.add(address.substring(1, address.indexOf(']')));
                }
            }
        }
        return members;
    }
}
