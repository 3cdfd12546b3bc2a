package io.openfirecluster.tsung;

import java.time.Duration;
import java.util.List;

/**
 * What Tsung is to do against the lab: USERS accounts PREFIX1..PREFIXn (one PASSWORD) of DOMAIN
 * log in at LOGIN_RATE a second through ENTRY (a service of the topology: lb or a node), then send
 * 1:1 chat messages of BODY_BYTES each to online users at each of STEPS (total messages a second
 * over all users), each held for STEP; then stay online for DRAIN, so what the nodes still owe is
 * delivered (and counted) before the users close.
 */
public record TsungPlan(int users, double loginRate, String entry, List<Double> steps, Duration step, int bodyBytes, Duration drain,
                        String domain, String prefix, String password) {
    /** The lab's XMPP domain and the load accounts of db's users-10000 dataset. */
    public static final String DOMAIN = "xmpp.localhost.example";
    public static final String PREFIX = "load";
    public static final String PASSWORD = "password";
    /** How long the users stay online after the last step unless a plan says otherwise. */
    public static final Duration DRAIN = Duration.ofSeconds(10);

    public TsungPlan {
        steps = List.copyOf(steps);
        check(users > 0, "users: " + users + " is no load: give 1 or more (the lab's users-10000 dataset has load1..load10000)");
        check(loginRate > 0 && Double.isFinite(loginRate), "login rate: " + loginRate + " is no rate: give logins a second above 0, e.g. 20");
        check(entry != null && !entry.isBlank(), "entry: name a service of the lab, lb or a node such as xmpp1");
        check(!steps.isEmpty(), "steps: give at least one message rate, e.g. 100,200,400");
        check(step != null && step.toMillis() >= 1000, "step: " + step + " is too short: hold each rate 1 s or more");
        check(bodyBytes > 0, "body: " + bodyBytes + " bytes is no message body: give 1 or more");
        check(drain != null && drain.toMillis() >= 1000, "drain: " + drain + " is too short: stay online 1 s or more after the last step");
        for (int k = 0; k < steps.size(); k++) {
            double rate = steps.get(k);
            check(rate > 0 && Double.isFinite(rate), "steps: " + rate + " is no message rate: give messages a second above 0");
            check(messagesPerUser(rate, step, users) >= 1, "steps: " + rate + " msg/s for " + step.toSeconds() + " s is less than one message for each of "
                    + users + " users: raise the rate or the step, or use fewer users");
        }
    }

    /** A plan with the lab's domain and load accounts and the default {@link #DRAIN}. */
    public static TsungPlan of(int users, double loginRate, String entry, List<Double> steps, Duration step, int bodyBytes) {
        return new TsungPlan(users, loginRate, entry, steps, step, bodyBytes, DRAIN, DOMAIN, PREFIX, PASSWORD);
    }

    /** How many messages each user sends in step K (from 0): the step's total rounded to whole messages a user. */
    public int messagesPerUser(int k) {
        return messagesPerUser(steps.get(k), step, users);
    }

    /** RATE msg/s for STEP among USERS, as whole messages a user: what Tsung can send. */
    public static int messagesPerUser(double rate, Duration step, int users) {
        return (int) Math.round(rate * step.toMillis() / 1000.0 / users);
    }

    /** The messages step K sends in all: what the rate asked, rounded to whole messages a user. */
    public long messages(int k) {
        return (long) messagesPerUser(k) * users;
    }

    /** The seconds between one user's messages in step K, so that its messages fill the step. */
    public double interval(int k) {
        return step.toMillis() / 1000.0 / messagesPerUser(k);
    }

    /** The seconds the paced logins take. */
    public double loginSeconds() {
        return users / loginRate;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
