package cn.gov.county.campaign.form;

/**
 * One rule a submission broke.
 *
 * @param field   the field's key (data path), as a REST client names it
 * @param label   the field's label, as the clerk sees it
 * @param message the whole sentence in Chinese, naming the field
 */
public record FieldViolation(String field, String label, String message) {
}
