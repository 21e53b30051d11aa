package cn.gov.county.campaign.review;

import cn.gov.county.campaign.system.CampaignDates;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A history value as text a reviewer can read, without deserializing anything: strings, numbers
 * and booleans as they are, dates in ISO-8601 at China time, Json (Spin) and other serialized
 * values as their stored text, Java-serialized objects and files only named (the project stores
 * none; an old one must not run code on the server when read).
 */
final class DepartmentDossierValues {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(CampaignDates.CHINA);

  private DepartmentDossierValues() {
  }

  /** Null for a null value. */
  static String render(TypedValue typed, String typeName, String errorMessage) {
    if (errorMessage != null) {
      return "（无法读取：" + errorMessage + "）";
    }
    if (typed == null) {
      return null;
    }
    if (typed instanceof FileValue file) {
      return "（文件：" + file.getFilename() + (file.getMimeType() == null ? "" : "，" + file.getMimeType()) + "）";
    }
    if (typed instanceof ObjectValue object) {
      String format = object.getSerializationDataFormat();
      if (format != null && (format.startsWith("application/json") || format.startsWith("application/xml"))) {
        return object.getValueSerialized();
      }
      return "（" + (object.getObjectTypeName() == null ? "对象" : "Java 对象 " + object.getObjectTypeName()) + "，未展开）";
    }
    if (typed instanceof SerializableValue serializable) {
      // Json and Xml (Spin): the text as stored
      if (serializable.getValueSerialized() != null) {
        return serializable.getValueSerialized();
      }
      return serializable.isDeserialized() && serializable.getValue() != null
          ? serializable.getValue().toString()
          : null;
    }
    Object value = typed.getValue();
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return ISO.format(date.toInstant());
    }
    if (value instanceof byte[] bytes) {
      return "（二进制数据，" + bytes.length + " 字节）";
    }
    if ("bytes".equals(typeName)) {
      return "（二进制数据）";
    }
    return value.toString();
  }
}
