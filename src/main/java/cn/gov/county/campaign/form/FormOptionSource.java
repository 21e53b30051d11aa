package cn.gov.county.campaign.form;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the options of a form field marked {@code "properties": {"options": "<name>"}} come from
 * when a form is fetched ({@link FormOptions}). A Spring bean per source.
 */
public interface FormOptionSource {

  /** The mark in the form: {@code "options": name()}. */
  String name();

  /**
   * The options for this fetch, or empty to leave the field as deployed (a form the source is not
   * meant for).
   */
  Optional<List<Option>> options(Fetch fetch);

  /** One option: what the list shows, and the value the form submits. */
  record Option(String label, String value) {
  }

  /**
   * A form fetch the engine has answered with 200, so the caller may read that form (and, for a
   * task form, that task).
   *
   * @param formId the form's {@code id}
   * @param taskId the task whose form it is, or null for a start form
   * @param userId who fetched it: the webapps' session user, or the Basic user on /engine-rest
   */
  record Fetch(String formId, String taskId, String userId) {
  }

  static FormOptionSource of(String name, Function<Fetch, List<Option>> options) {
    return new FormOptionSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<List<Option>> options(Fetch fetch) {
        return Optional.of(options.apply(fetch));
      }
    };
  }
}
