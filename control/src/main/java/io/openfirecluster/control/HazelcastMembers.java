package io.openfirecluster.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The member addresses in Hazelcast's answer to {@code /hazelcast/rest/cluster} (Hazelcast 5.5):
 * {@code {"members":[{"address":"[172.60.0.10]:5701","liteMember":false,"localMember":true,...},...],...}}.
 */
public final class HazelcastMembers {
    private static final Pattern MEMBER = Pattern.compile("\"address\"\\s*:\\s*\"\\[([^\\]]+)\\]:\\d+\"");

    private HazelcastMembers() {
    }

    /** The member addresses in TEXT, in its order (IPv6 as Hazelcast writes it); empty if there are none. */
    public static List<String> parse(String text) {
        List<String> members = new ArrayList<>();
        Matcher member = MEMBER.matcher(text == null ? "" : text);
        while (member.find()) {
            members.add(member.group(1));
        }
        return members;
    }
}
