package cn.gov.county.campaign.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HexFormat;

/**
 * One compared field: its name in an entry, its history column and a Chinese label. Values are
 * canonical strings on both sides: times as epoch milliseconds, numbers in Java's notation, byte
 * contents as their SHA-256 (read from ACT_GE_BYTEARRAY.BYTES_ through the row's BYTEARRAY_ID_).
 */
record AuditField(String name, String column, String label, Type type) {

  enum Type {
    TEXT, TIME, NUMBER, DECIMAL, FLAG, BYTES
  }

  static AuditField text(String name, String column, String label) {
    return new AuditField(name, column, label, Type.TEXT);
  }

  static AuditField time(String name, String column, String label) {
    return new AuditField(name, column, label, Type.TIME);
  }

  static AuditField number(String name, String column, String label) {
    return new AuditField(name, column, label, Type.NUMBER);
  }

  static AuditField decimal(String name, String column, String label) {
    return new AuditField(name, column, label, Type.DECIMAL);
  }

  static AuditField flag(String name, String column, String label) {
    return new AuditField(name, column, label, Type.FLAG);
  }

  static AuditField bytes(String name, String column, String label) {
    return new AuditField(name, column, label, Type.BYTES);
  }

  /** The canonical form of a value as the engine's event holds it. */
  static String canonical(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return Long.toString(date.getTime());
    }
    if (value instanceof byte[] bytes) {
      return sha256(bytes);
    }
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    if (value instanceof Number n) {
      return Long.toString(n.longValue());
    }
    return value.toString();
  }

  /** The canonical form of this field's column in a row read with JDBC (bytes: the joined BYTES_ column). */
  String read(ResultSet row, String alias) throws SQLException {
    return switch (type) {
      case TEXT -> row.getString(alias);
      case TIME -> {
        Timestamp t = row.getTimestamp(alias);
        yield t == null ? null : Long.toString(t.getTime());
      }
      case NUMBER -> {
        long v = row.getLong(alias);
        yield row.wasNull() ? null : Long.toString(v);
      }
      case DECIMAL -> {
        double v = row.getDouble(alias);
        yield row.wasNull() ? null : Double.toString(v);
      }
      case FLAG -> {
        boolean v = row.getBoolean(alias);
        yield row.wasNull() ? null : Boolean.toString(v);
      }
      case BYTES -> {
        byte[] v = row.getBytes(alias);
        yield v == null ? null : sha256(v);
      }
    };
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
