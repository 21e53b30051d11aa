package cn.gov.county.campaign.notification;

/**
 * Who a notification is for.
 *
 * @param userId the engine user id (also the key that makes a notification unique per person)
 * @param name   the person's name, shown in the record and in the mail's To line
 * @param email  the address, or null: then the notification is only recorded
 */
public record Recipient(String userId, String name, String email) {
}
