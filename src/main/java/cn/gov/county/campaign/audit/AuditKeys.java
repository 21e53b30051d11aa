package cn.gov.county.campaign.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit chain's keys, from the environment and never stored in the database: with a key, every
 * entry carries an HMAC-SHA256 of its hash ({@code <key id>:<hex>}) and the chain head one of its
 * last position and hash, so whoever can change the database but does not hold the key cannot
 * rewrite an entry and recompute the chain after it. Without a key the chain still finds every
 * change that leaves the hashes as they were, and the verifier says which protection applied.
 *
 * <p>{@code campaign.audit.key} ({@code CAMPAIGN_AUDIT_KEY}) signs new entries under
 * {@code campaign.audit.key-id} ({@code CAMPAIGN_AUDIT_KEY_ID}); {@code campaign.audit.previous-keys.<id>}
 * keep earlier keys for verification after a rotation.
 *
 * @param keyId        the id written beside each MAC, e.g. {@code 2026}
 * @param key          the secret of the current key (at least 32 characters)
 * @param previousKeys earlier keys by id, for verification only
 */
@ConfigurationProperties(prefix = "campaign.audit")
public record AuditKeys(String keyId, String key, Map<String, String> previousKeys) {

  static final int MIN_KEY_LENGTH = 32;

  public AuditKeys {
    keyId = keyId == null || keyId.isBlank() ? "1" : keyId.trim();
    key = key == null || key.isBlank() ? null : key;
    previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
  }

  static AuditKeys none() {
    return new AuditKeys(null, null, null);
  }

  boolean configured() {
    return key != null;
  }

  /** Every key that may verify, by id. */
  Map<String, String> all() {
    Map<String, String> all = new TreeMap<>(previousKeys);
    if (key != null) {
      all.put(keyId, key);
    }
    return all;
  }

  /** The MAC of a value under the current key, or null without a key. */
  String sign(String value) {
    return key == null ? null : keyId + ":" + hmac(key, value);
  }

  enum Check {
    VALID, INVALID, UNKNOWN_KEY
  }

  Check check(String mac, String value) {
    int colon = mac.indexOf(':');
    String secret = colon < 0 ? null : all().get(mac.substring(0, colon));
    if (secret == null) {
      return Check.UNKNOWN_KEY;
    }
    boolean equal = MessageDigest.isEqual(hmac(secret, value).getBytes(StandardCharsets.US_ASCII),
        mac.substring(colon + 1).getBytes(StandardCharsets.US_ASCII));
    return equal ? Check.VALID : Check.INVALID;
  }

  static String keyIdOf(String mac) {
    int colon = mac.indexOf(':');
    return colon < 0 ? mac : mac.substring(0, colon);
  }

  /** What the head's MAC covers. */
  static String headContent(String chain, long seq, String hash) {
    return chain + "\n" + seq + "\n" + hash;
  }

  private static String hmac(String secret, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "AuditKeys[keyId=" + keyId + ", configured=" + configured() + ", previous=" + previousKeys.keySet() + "]";
  }
}
