package io.openfirecluster.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The member addresses in Hazelcast's member list, as its REST endpoint {@code /hazelcast/rest/cluster}
 * prints it: {@code Members {size:3, ver:3} [} then one {@code Member [172.60.0.10]:5701 - UUID this}
 * line per member, then a line {@code ]}.
 */
public final class HazelcastMembers {
    private static final Pattern MEMBER = Pattern.compile("Member \\[([^\\]]+)\\]:\\d+");

    private HazelcastMembers() {
    }

    /** The addresses in the first member list of TEXT, in its order (IPv6 as Hazelcast writes it). */
    public static List<String> parse(String text) {
        List<String> members = new ArrayList<>();
        boolean inList = false;
        for (String line : text.lines().toList()) {
            if (!inList) {
                inList = line.contains("Members {");
            } else if (line.trim().equals("]")) {
                break;
            } else {
                Matcher member = MEMBER.matcher(line);
                if (member.find()) {
                    members.add(member.group(1));
                }
            }
        }
        return members;
    }
}
