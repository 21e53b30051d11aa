package cn.gov.county.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Simplified Chinese translation of the Camunda webapps (Tasklist, Cockpit, Admin,
 * Welcome) that this project ships in {@code src/main/resources/META-INF/resources/webjars/camunda/app}.
 *
 * <p>The English originals come from the Camunda webjar on the test classpath. Our own files have the
 * same classpath paths as the webjar's (that is how they override it), so our files are read from
 * disk instead: {@code zh.json}, {@code config.js} and {@code user-styles.css}.
 *
 * <p>No Spring context is needed.
 */
class WebappTranslationTest {

  private static final String WEBAPP_PATH = "META-INF/resources/webjars/camunda/app/";

  private static final Path OUR_WEBAPP_DIR = Path.of(System.getProperty("basedir", "."), "src/main/resources",
      WEBAPP_PATH);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]+");

  /**
   * Values that may stay identical to English although they contain three or more "words". Keep
   * this list short and say why each entry is here.
   */
  private static final Set<String> MAY_STAY_ENGLISH = Set.of(
      // a date pattern shown as an input placeholder: "YYYY-MM-DDTHH:mm:ss"
      "labels.PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");

  @Test
  void everyTasklistKeyIsTranslated() {
    assertEveryKeyIsTranslated("tasklist");
  }

  @Test
  void everyCockpitKeyIsTranslated() {
    assertEveryKeyIsTranslated("cockpit");
  }

  @Test
  void everyAdminKeyIsTranslated() {
    assertEveryKeyIsTranslated("admin");
  }

  @Test
  void everyWelcomeKeyIsTranslated() {
    assertEveryKeyIsTranslated("welcome");
  }

  @ParameterizedTest(name = "{0}: every placeholder of the English text is kept in the Chinese text")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyPlaceholderIsKeptInTheChineseText(String app) {
    // given
    Map<String, String> english = englishTexts(app);
    Map<String, String> chinese = chineseTexts(app);

    // when
    List<String> lost = new ArrayList<>();
    english.forEach(
        (key, englishText) -> {
          String chineseText = chinese.get(key);
          if (chineseText == null) {
            return; // reported by the key-coverage tests
          }
          Matcher placeholders = PLACEHOLDER.matcher(englishText);
          while (placeholders.find()) {
            if (!chineseText.contains(placeholders.group())) {
              lost.add(key + " lost " + placeholders.group() + " in \"" + chineseText + "\"");
            }
          }
          // "{}" is the count placeholder of ng-pluralize
          if (count(englishText, "{}") != count(chineseText, "{}")) {
            lost.add(key + " has a different number of {} in \"" + chineseText + "\"");
          }
        });

    // then
    assertThat(lost).as("placeholders lost in %s/locales/zh.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}: no English sentence is left untranslated")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noEnglishSentenceIsLeftUntranslated(String app) {
    // given
    Map<String, String> english = englishTexts(app);
    Map<String, String> chinese = chineseTexts(app);

    // when
    List<String> untranslated = new ArrayList<>();
    english.forEach(
        (key, englishText) -> {
          boolean sentence = ENGLISH_WORD.matcher(englishText).results().count() >= 3;
          if (sentence && englishText.equals(chinese.get(key)) && !MAY_STAY_ENGLISH.contains(key)) {
            untranslated.add(key + " = \"" + englishText + "\"");
          }
        });

    // then
    assertThat(untranslated).as("English left in %s/locales/zh.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}: the \"migrate to Camunda 8\" banner is hidden and not translated")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrateToCamunda8BannerIsHidden(String app) {
    // given
    Map<String, String> chinese = chineseTexts(app);
    String userStyles = readOurFile(app, "styles/user-styles.css");

    // when
    String banner = chinese.get("labels.BANNER_CE_EOL_TEXT");

    // then
    assertThat(banner).as("%s: BANNER_CE_EOL_TEXT in zh.json", app).isNotNull().doesNotContain("Camunda 8");
    assertThat(userStyles)
        .as("%s: user-styles.css hides the end-of-life banner", app)
        .containsPattern("\\.ce-eol-banner\\s*\\{[^}]*display:\\s*none\\s*!important");
  }

  @ParameterizedTest(name = "{0}: config.js offers Chinese and falls back to it")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersChineseAndFallsBackToIt(String app) {
    // given
    String config = readOurFile(app, "scripts/config.js");

    // when
    String activeConfig = withoutComments(config);

    // then
    assertThat(activeConfig)
        .as("%s/scripts/config.js", app)
        .startsWith("export default {")
        .containsPattern("availableLocales:\\s*\\[\\s*'zh'\\s*,\\s*'en'\\s*]")
        .containsPattern("fallbackLocale:\\s*'zh'");
  }

  private static void assertEveryKeyIsTranslated(String app) {
    // given
    Map<String, String> english = englishTexts(app);
    Map<String, String> chinese = chineseTexts(app);

    // when
    List<String> missing = english.keySet().stream().filter(key -> !chinese.containsKey(key)).toList();
    List<String> unknown = chinese.keySet().stream().filter(key -> !english.containsKey(key)).toList();

    // then
    assertThat(english).as("English texts of %s", app).isNotEmpty();
    assertThat(missing).as("keys of %s/locales/en.json missing in zh.json", app).isEmpty();
    assertThat(unknown).as("keys of %s/locales/zh.json that en.json does not have", app).isEmpty();
  }

  /** The English original from the Camunda webjar, flattened to "labels.KEY" -> text. */
  private static Map<String, String> englishTexts(String app) {
    String resource = WEBAPP_PATH + app + "/locales/en.json";
    URL url = WebappTranslationTest.class.getClassLoader().getResource(resource);
    assertThat(url).as("%s on the test classpath (camunda-webapp-webjar)", resource).isNotNull();
    try (InputStream in = url.openStream()) {
      return flatten(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our translation, read from the source tree and flattened like the English one. */
  private static Map<String, String> chineseTexts(String app) {
    return flatten(parse(readOurFile(app, "locales/zh.json")));
  }

  private static String readOurFile(String app, String file) {
    Path path = OUR_WEBAPP_DIR.resolve(app).resolve(file);
    assertThat(path).as("our %s of %s", file, app).exists();
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    // the English files of the webjar start with a UTF-8 byte order mark
    String withoutBom = json.startsWith("\uFEFF") ? json.substring(1) : json;
    try {
      return JSON.readTree(withoutBom);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> texts = new LinkedHashMap<>();
    flatten("", root, texts);
    return texts;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> texts) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), texts);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), texts);
      }
    } else {
      texts.put(prefix, node.asText());
    }
  }

  private static String withoutComments(String javaScript) {
    return javaScript
        .replaceAll("(?s)/\\*.*?\\*/", "")
        .replaceAll("(?m)^\\s*//.*$", "")
        .strip();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }
}
