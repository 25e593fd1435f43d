package org.iprharbor.reliability.load;

/**
 * A buyer and the owner of a FREE patent offered for non-exclusive licences, with their tokens: any number of
 * offers on it may be open at once, so a paced load never runs out of legal commands.
 */
public record Trade(String patentId, String buyerId, String buyerToken, String sellerId, String sellerToken) {
}
