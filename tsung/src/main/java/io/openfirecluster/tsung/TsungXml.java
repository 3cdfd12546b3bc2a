package io.openfirecluster.tsung;

import java.util.Locale;

/**
 * Renders a {@link TsungPlan} as Tsung 1.7's tsung.xml: one session type, every user logs in with
 * SASL PLAIN on plain TCP (as the lab's lean client does), then all users wait for each other
 * (Tsung's global barrier) before each message step, so the steps start together; each user's
 * messages of a step are spread evenly over the step, its first one at a random offset. After the
 * last step the users stay online for the plan's drain and meet at one more barrier before they
 * close. Barriers: 0 logged in, k step k sent, steps+1 drained.
 */
public final class TsungXml {
    /** Where each user appends the number of the barrier it has just passed (0: logged in, k: step k sent). */
    public static final String MARKS = "/tsung/marks";
    /** Seconds nothing is sent after a barrier, so the counters can be read between two steps. */
    public static final int QUIET_SECONDS = 5;
    /** Seconds into a step before a user's first message may go: Tsung's least random thinktime. */
    public static final int LEAD_SECONDS = 1;
    /** Seconds a barrier waits for a late user after the last arrival before it lets the others go. */
    public static final int BARRIER_TIMEOUT_SECONDS = 30;

    private TsungXml() {
    }

    /** The tsung.xml that runs PLAN against HOST:PORT (reached from the Tsung container). */
    public static String render(TsungPlan plan, String host, int port) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\"?>\n")
                .append("<!DOCTYPE tsung SYSTEM \"/usr/share/tsung/tsung-1.0.dtd\">\n")
                .append("<tsung loglevel=\"notice\" version=\"1.0\">\n")
                // One Erlang VM: maxusers above the users keeps Tsung from starting another one (over ssh).
                .append("  <clients><client host=\"localhost\" use_controller_vm=\"true\" maxusers=\"").append(plan.users() + 1).append("\"/></clients>\n")
                .append("  <servers><server host=\"").append(attr(host)).append("\" port=\"").append(port).append("\" type=\"tcp\"/></servers>\n")
                .append("  <load>\n")
                // maxnumber ends the phase; its duration is only an upper bound, twice the paced time: Tsung's
                // launcher falls behind when it shares the CPU with the nodes, and at the end of the duration
                // it would stop launching short of the users.
                .append("    <arrivalphase phase=\"1\" duration=\"").append(2 * (long) Math.ceil(plan.loginSeconds()) + 10).append("\" unit=\"second\">\n")
                .append("      <users arrivalrate=\"").append(number(plan.loginRate())).append("\" unit=\"second\" maxnumber=\"").append(plan.users()).append("\"/>\n")
                .append("    </arrivalphase>\n")
                .append("  </load>\n")
                .append("  <options>\n")
                .append("    <option name=\"global_ack_timeout\" value=\"").append(BARRIER_TIMEOUT_SECONDS * 1000).append("\"/>\n")
                .append("    <option type=\"ts_jabber\" name=\"global_number\" value=\"").append(plan.users()).append("\"/>\n")
                // Accounts come from xmpp_authenticate below (Tsung's own would append the id to the password too).
                .append("    <option type=\"ts_jabber\" name=\"userid_max\" value=\"0\"/>\n")
                .append("    <option type=\"ts_jabber\" name=\"domain\" value=\"").append(attr(plan.domain())).append("\"/>\n")
                .append("  </options>\n")
                .append("  <sessions>\n")
                .append("    <session probability=\"100\" name=\"lab\" type=\"ts_jabber\">\n");
        login(xml, plan);
        barrier(xml, 0);
        for (int k = 0; k < plan.steps().size(); k++) {
            step(xml, plan, k);
            barrier(xml, k + 1);
        }
        // Online, sending nothing, until the drain is over: the last barrier's reading is the drain's end.
        xml.append("      <thinktime value=\"").append(number(plan.drain().toMillis() / 1000.0)).append("\"/>\n");
        barrier(xml, plan.steps().size() + 1);
        xml.append("      <request><jabber type=\"close\" ack=\"no_ack\"/></request>\n")
                .append("    </session>\n")
                .append("  </sessions>\n")
                .append("</tsung>\n");
        return xml.toString();
    }

    /**
     * Stream, SASL PLAIN, stream restart, bind, session, initial presence: the transaction "login",
     * so Tsung counts the logins that got through. Each answer is awaited by a pattern of its own:
     * Tsung keeps the last pattern for every later request that names none.
     */
    private static void login(StringBuilder xml, TsungPlan plan) {
        // tsung_userid counts the users from 1: user i is PREFIXi.
        xml.append("      <transaction name=\"login\">\n")
                .append("      <request subst=\"true\"><jabber type=\"connect\" ack=\"local\" regexp=\"stream:features\">")
                .append("<xmpp_authenticate username=\"").append(attr(plan.prefix())).append("%%_tsung_userid%%\" passwd=\"")
                .append(attr(plan.password())).append("\"/></jabber></request>\n")
                .append("      <request><match do=\"abort\" when=\"match\">failure</match>")
                .append("<jabber type=\"auth_sasl\" ack=\"local\" regexp=\"success|failure\"/></request>\n")
                .append("      <request><jabber type=\"connect\" ack=\"local\" regexp=\"stream:features\"/></request>\n")
                .append("      <request><match do=\"abort\" when=\"match\">type=.error</match>")
                .append("<jabber type=\"auth_sasl_bind\" ack=\"local\" regexp=\"&lt;iq\"/></request>\n")
                .append("      <request><jabber type=\"auth_sasl_session\" ack=\"local\" regexp=\"&lt;iq\"/></request>\n")
                .append("      <request><jabber type=\"presence:initial\" ack=\"no_ack\"/></request>\n")
                .append("      </transaction>\n");
    }

    /**
     * Step K: a random offset within one interval (rounded up to a second) after {@link #LEAD_SECONDS}, then the user's messages an interval apart,
     * each counted as a transaction. Nothing after the last one: the step's sending ends with it,
     * so the time between two barriers is the sending (and what a late user adds), not an
     * interval of waiting as well.
     */
    private static void step(StringBuilder xml, TsungPlan plan, int k) {
        int n = k + 1;
        int messages = plan.messagesPerUser(k);
        long spread = Math.max(1, (long) Math.ceil(plan.interval(k)));
        String send = "<transaction name=\"step" + n + "\"><request><jabber type=\"chat\" ack=\"no_ack\" size=\"" + plan.bodyBytes()
                + "\" destination=\"online\"/></request></transaction>\n";
        // Tsung draws a range's thinktime uniformly in milliseconds, but its bounds are whole seconds
        // and the lower one above 0 ("bad_thinktime" otherwise): nobody sends in a step's first second.
        xml.append("      <thinktime min=\"").append(LEAD_SECONDS).append("\" max=\"").append(LEAD_SECONDS + spread).append("\" random=\"true\"/>\n");
        if (messages > 1) {
            xml.append("      <for from=\"1\" to=\"").append(messages - 1).append("\" incr=\"1\" var=\"m").append(n).append("\">\n")
                    .append("        ").append(send)
                    .append("        <thinktime value=\"").append(number(plan.interval(k))).append("\"/>\n")
                    .append("      </for>\n");
        }
        xml.append("      ").append(send);
    }

    /**
     * Waits for every user, then marks barrier N in {@link #MARKS} (the run watches it to read the
     * counters between steps) and keeps quiet for {@link #QUIET_SECONDS}.
     */
    private static void barrier(StringBuilder xml, int n) {
        String code = "fun(_) -> ok = file:write_file(\"" + MARKS + "\", \"" + n + "\\n\", [append]), \"" + n + "\" end.";
        xml.append("      <thinktime value=\"wait_global\"/>\n")
                .append("      <setdynvars sourcetype=\"eval\" code=\"").append(attr(code)).append("\"><var name=\"barrier\"/></setdynvars>\n")
                .append("      <thinktime value=\"").append(QUIET_SECONDS).append("\"/>\n");
    }

    /** A number as Tsung reads it: no exponent, at most three decimals. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static String attr(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
