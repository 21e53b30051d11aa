package cn.gov.county.campaign.system;

import java.util.List;

/**
 * Options a form offers that are fixed when it is deployed (a start form cannot read process
 * variables): {@link ModelDeployer} gives every field marked {@code "properties": {"options":
 * mark()}} these options. The organization's departments are one such list.
 */
public interface DeployedFormOptions {

  /** The value of the field's {@code options} property this list fills. */
  String mark();

  /** The options, in the order the form shows them. */
  List<Option> options();

  /** One option: what the form shows and the value it submits. */
  record Option(String label, String value) {
  }
}
