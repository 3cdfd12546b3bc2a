package io.openfirecluster.workload;

/**
 * One workload client: its id (also its resource and room nickname, e.g. "c07"), where it connects
 * and as whom. Its full JID is USER@DOMAIN/ID (the account's user and domain), so 1:1 messages can
 * address exactly this client.
 */
public record ClientSpec(String id, Endpoint entry, Credentials account) {
}
