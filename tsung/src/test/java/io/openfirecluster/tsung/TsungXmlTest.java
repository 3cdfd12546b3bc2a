package io.openfirecluster.tsung;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The tsung.xml a plan renders to. */
class TsungXmlTest {
    private static final TsungPlan PLAN = TsungPlan.of(500, 20, "lb", List.of(100.0, 200.0, 400.0), Duration.ofSeconds(15), 64);

    @Test
    void aSmallPlanInFull() {
        TsungPlan plan = TsungPlan.of(4, 2, "xmpp1", List.of(2.0), Duration.ofSeconds(4), 10);
        assertEquals("""
                <?xml version="1.0"?>
                <!DOCTYPE tsung SYSTEM "/usr/share/tsung/tsung-1.0.dtd">
                <tsung loglevel="notice" version="1.0">
                  <clients><client host="localhost" use_controller_vm="true" maxusers="5"/></clients>
                  <servers><server host="xmpp1" port="5222" type="tcp"/></servers>
                  <load>
                    <arrivalphase phase="1" duration="14" unit="second">
                      <users arrivalrate="2" unit="second" maxnumber="4"/>
                    </arrivalphase>
                  </load>
                  <options>
                    <option name="global_ack_timeout" value="30000"/>
                    <option type="ts_jabber" name="global_number" value="4"/>
                    <option type="ts_jabber" name="userid_max" value="0"/>
                    <option type="ts_jabber" name="domain" value="xmpp.localhost.example"/>
                  </options>
                  <sessions>
                    <session probability="100" name="lab" type="ts_jabber">
                      <transaction name="login">
                      <request subst="true"><jabber type="connect" ack="local" regexp="stream:features"><xmpp_authenticate username="load%%_tsung_userid%%" passwd="password"/></jabber></request>
                      <request><match do="abort" when="match">failure</match><jabber type="auth_sasl" ack="local" regexp="success|failure"/></request>
                      <request><jabber type="connect" ack="local" regexp="stream:features"/></request>
                      <request><match do="abort" when="match">type=.error</match><jabber type="auth_sasl_bind" ack="local" regexp="&lt;iq"/></request>
                      <request><jabber type="auth_sasl_session" ack="local" regexp="&lt;iq"/></request>
                      <request><jabber type="presence:initial" ack="no_ack"/></request>
                      </transaction>
                      <thinktime value="wait_global"/>
                      <setdynvars sourcetype="eval" code="fun(_) -&gt; ok = file:write_file(&quot;/tsung/marks&quot;, &quot;0\\n&quot;, [append]), &quot;0&quot; end."><var name="barrier"/></setdynvars>
                      <thinktime value="5"/>
                      <thinktime min="1" max="3" random="true"/>
                      <for from="1" to="1" incr="1" var="m1">
                        <transaction name="step1"><request><jabber type="chat" ack="no_ack" size="10" destination="online"/></request></transaction>
                        <thinktime value="2"/>
                      </for>
                      <transaction name="step1"><request><jabber type="chat" ack="no_ack" size="10" destination="online"/></request></transaction>
                      <thinktime value="wait_global"/>
                      <setdynvars sourcetype="eval" code="fun(_) -&gt; ok = file:write_file(&quot;/tsung/marks&quot;, &quot;1\\n&quot;, [append]), &quot;1&quot; end."><var name="barrier"/></setdynvars>
                      <thinktime value="5"/>
                      <thinktime value="10"/>
                      <thinktime value="wait_global"/>
                      <setdynvars sourcetype="eval" code="fun(_) -&gt; ok = file:write_file(&quot;/tsung/marks&quot;, &quot;2\\n&quot;, [append]), &quot;2&quot; end."><var name="barrier"/></setdynvars>
                      <thinktime value="5"/>
                      <request><jabber type="close" ack="no_ack"/></request>
                    </session>
                  </sessions>
                </tsung>
                """, TsungXml.render(plan, "xmpp1", 5222));
    }

    @Test
    void eachStepSendsItsRateSpreadOverTheStep() throws Exception {
        Document xml = parse(TsungXml.render(PLAN, "lb", 5222));
        XPath path = XPathFactory.newInstance().newXPath();
        NodeList loops = (NodeList) path.evaluate("//for", xml, XPathConstants.NODESET);
        assertEquals(3, loops.getLength());
        // 500 users, 15 s: 100 msg/s is 3 messages a user 5 s apart, 200 is 6 at 2.5 s, 400 is 12 at 1.25 s:
        // all but the last in the loop, each followed by its interval, the last after it with nothing after.
        List<String> counts = List.of("2", "5", "11");
        List<String> intervals = List.of("5", "2.5", "1.25");
        for (int k = 0; k < 3; k++) {
            assertEquals(counts.get(k), path.evaluate("(//for)[" + (k + 1) + "]/@to", xml));
            assertEquals(intervals.get(k), path.evaluate("(//for)[" + (k + 1) + "]/thinktime/@value", xml));
            assertEquals("step" + (k + 1), path.evaluate("(//for)[" + (k + 1) + "]/transaction/@name", xml));
            assertEquals("64", path.evaluate("(//for)[" + (k + 1) + "]//jabber/@size", xml));
            assertEquals("step" + (k + 1), path.evaluate("(//for)[" + (k + 1) + "]/following-sibling::*[1]/@name", xml), "the last message follows the loop");
        }
        assertEquals(6.0, (Double) path.evaluate("count(//transaction[starts-with(@name, 'step')])", xml, XPathConstants.NUMBER),
                "a request in each step's loop and one after it");
        assertEquals("500", path.evaluate("//users/@maxnumber", xml));
        assertEquals("20", path.evaluate("//users/@arrivalrate", xml));
        assertEquals("60", path.evaluate("//arrivalphase/@duration", xml), "25 s of logins at 20/s: at most twice that and 10 s");
        assertEquals("500", path.evaluate("//option[@name='global_number']/@value", xml));
        assertEquals("lb", path.evaluate("//server/@host", xml));
    }

    @Test
    void aStepOfOneMessageAUserHasNoLoopAndNoWaitAfterIt() throws Exception {
        // 500 users, 15 s, 33.4 msg/s: one message each, at a random second of the step.
        Document xml = parse(TsungXml.render(TsungPlan.of(500, 20, "lb", List.of(33.4), Duration.ofSeconds(15), 64), "lb", 5222));
        XPath path = XPathFactory.newInstance().newXPath();
        assertEquals(0.0, (Double) path.evaluate("count(//for)", xml, XPathConstants.NUMBER));
        assertEquals("1", path.evaluate("//transaction[@name='step1']/preceding-sibling::thinktime[1]/@min", xml), "Tsung refuses a least thinktime of 0");
        assertEquals("16", path.evaluate("//transaction[@name='step1']/preceding-sibling::thinktime[1]/@max", xml));
        assertEquals("wait_global", path.evaluate("//transaction[@name='step1']/following-sibling::thinktime[1]/@value", xml));
    }

    @Test
    void everyUserWaitsForAllBeforeAndAfterEachStep() throws Exception {
        Document xml = parse(TsungXml.render(PLAN, "lb", 5222));
        XPath path = XPathFactory.newInstance().newXPath();
        assertEquals(5.0, (Double) path.evaluate("count(//thinktime[@value='wait_global'])", xml, XPathConstants.NUMBER));
        for (int barrier = 0; barrier <= 4; barrier++) {
            String code = path.evaluate("(//setdynvars)[" + (barrier + 1) + "]/@code", xml);
            assertTrue(code.contains("file:write_file(\"/tsung/marks\", \"" + barrier + "\\n\", [append])"), code);
        }
    }

    @Test
    void numbersAsTsungReadsThem() {
        assertEquals("2", TsungXml.number(2.0));
        assertEquals("1.25", TsungXml.number(1.25));
        assertEquals("0.333", TsungXml.number(1 / 3.0));
        assertEquals("12.5", TsungXml.number(12.5));
    }

    @Test
    void namesAreEscaped() {
        TsungPlan plan = new TsungPlan(2, 1, "lb", List.of(1.0), Duration.ofSeconds(2), 1, Duration.ofSeconds(5), "a&b", "u\"", "p<");
        String xml = TsungXml.render(plan, "lb", 5222);
        assertTrue(xml.contains("value=\"a&amp;b\""), xml);
        assertTrue(xml.contains("username=\"u&quot;%%_tsung_userid%%\" passwd=\"p&lt;\""), xml);
    }

    private static Document parse(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Tsung's DTD is in its image, not here: well-formedness only.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
