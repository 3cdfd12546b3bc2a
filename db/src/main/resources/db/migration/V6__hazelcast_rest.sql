-- The Hazelcast plugin turns Hazelcast's REST endpoints off unless this Openfire property is true.
-- The lab turns on two read-only groups in its Hazelcast config (HEALTH_CHECK, CLUSTER_READ, on
-- 5701 inside the lab network only): a node's health check, lab:status and the tests ask Hazelcast
-- itself about the cluster instead of reading logs.
INSERT INTO ofProperty (name, propValue, encrypted) VALUES ('hazelcast.config.rest.enabled', 'true', 0);
