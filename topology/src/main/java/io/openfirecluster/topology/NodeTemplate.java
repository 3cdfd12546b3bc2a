package io.openfirecluster.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one description of an Openfire node, from which node 1..N of the lab are made: every field
 * may use {@code {i}} (the node number), {@code {K+i}} or {@code {K*i}}, e.g. name {@code xmpp{i}},
 * host {@code {10*i}}, a port {@code <port>{5220+i}:5222</port>}; in lists each item and in the
 * environment each value is expanded on its own. So a lab of five nodes is {@code -Dlab.nodes=5},
 * never a second list to keep.
 */
public class NodeTemplate extends ServiceFields {
    /** The most nodes a lab may have: host numbers 10..90 stay clear of db (.11) and lb (.99). */
    public static final int MAX_NODES = 9;
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\s*(?:(\\d+)\\s*([+*])\\s*)?i\\s*\\}");

    /** The host number's expression, e.g. {@code {10*i}}. */
    private String host = "";

    public NodeTemplate() {
    }

    public NodeTemplate(String name, String host, List<String> aliases, List<String> ports) {
        super(name, aliases, ports);
        this.host = host;
    }

    public NodeTemplate withRun(String image, String process, List<String> after, Map<String, String> env) {
        NodeTemplate copy = new NodeTemplate(name, host, items(aliases), items(ports));
        copy.setRunPart(image, process, after, env);
        return copy;
    }

    /** lab.nodes as a number of nodes, 1 to {@link #MAX_NODES}; one line for anything else, whatever the shape. */
    public static int count(String count) {
        int n;
        try {
            n = Integer.parseInt(count == null ? "" : count.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > MAX_NODES) {
            throw new LabException("lab.nodes=" + count + " is not a number of nodes from 1 to " + MAX_NODES + ": give e.g. -Dlab.nodes=5");
        }
        return n;
    }

    /** Nodes 1..COUNT; COUNT outside 1..9 is refused with one line. */
    public List<LabService> nodes(String count) {
        int n = count(count);
        List<LabService> result = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int hostNumber;
            try {
                hostNumber = Integer.parseInt(expand(host, i));
            } catch (NumberFormatException e) {
                throw new LabException("the node template's host '" + host + "' is not a number for node " + i + ": use e.g. {10*i}");
            }
            result.add(new LabService(expand(name, i), hostNumber, expand(aliases, i), expand(ports, i))
                    .run(expand(image, i), expand(process, i), expand(after, i), expand(env, i)).asNode());
        }
        return result;
    }

    /** Every item of LIST expanded for node I. */
    static List<String> expand(List<String> list, int i) {
        return items(list).stream().map(item -> expand(item, i)).toList();
    }

    /** Every value of ENV expanded for node I (names stay: they are the variables' names). */
    static Map<String, String> expand(Map<String, String> env, int i) {
        Map<String, String> result = new LinkedHashMap<>();
        entries(env).forEach((variable, value) -> result.put(variable, expand(value, i)));
        return result;
    }

    /** TEXT with every {i}, {K+i}, {K*i} replaced for node I. */
    static String expand(String text, int i) {
        if (text == null) {
            return "";
        }
        Matcher expression = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (expression.find()) {
            int value = i;
            if (expression.group(1) != null) {
                int k = Integer.parseInt(expression.group(1));
                value = expression.group(2).equals("+") ? k + i : k * i;
            }
            expression.appendReplacement(out, Integer.toString(value));
        }
        expression.appendTail(out);
        return out.toString();
    }
}
