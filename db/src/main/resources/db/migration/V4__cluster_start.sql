-- What three Openfire nodes need to start concurrently against one database without racing.
--
-- At its first start, Openfire inserts some properties that are missing; nodes starting at the
-- same time then insert the same rows and all but one log duplicate-key errors on ofProperty.
-- Seeding those rows turns these inserts into no-ops (Openfire only writes a cache property
-- when its value differs). The secrets that are also created lazily (xmpp.muc.masterkey,
-- passwordKey) are seeded by V5.

-- Sizes and lifetimes Openfire's MUC service sets for the room caches of service 'conference'
-- (the cache names without spaces).
INSERT INTO ofProperty (name, propValue, encrypted) VALUES
    ('cache.MUCService''conference''Rooms.maxLifetime', '-1', 0),
    ('cache.MUCService''conference''Rooms.size', '-1', 0),
    ('cache.MUCService''conference''RoomStatistics.maxLifetime', '-1', 0),
    ('cache.MUCService''conference''RoomStatistics.size', '-1', 0);

-- Set by the Hazelcast clustering plugin: one hour between repeated class loader warnings.
INSERT INTO ofProperty (name, propValue, encrypted) VALUES
    ('cache.PluginClassLoaderWarningsforClusteredTasks.maxLifetime', '3600000', 0);

-- Openfire otherwise contacts its website at start to look for updates.
INSERT INTO ofProperty (name, propValue, encrypted) VALUES ('update.service-enabled', 'false', 0);

-- Store new and changed passwords as SCRAM data only, like the seeded accounts.
INSERT INTO ofProperty (name, propValue, encrypted) VALUES ('user.scramHashedPasswordOnly', 'true', 0);

-- No preloading of MUC rooms at start: with clustering every node would load them (Openfire warns
-- so at start); rooms are loaded when first used.
INSERT INTO ofMucServiceProp (serviceID, name, propValue) VALUES (1, 'preload.days', '0');
