package cn.gov.county.campaign.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checklist a campaign's self-inspection is done against: the default items of
 * {@code campaign/default-checklist.yaml} minus those the office deselects, plus its own.
 */
@Component
public class CampaignChecklist {

  public record Item(String code, String text) {
  }

  private record File(List<Item> items) {
  }

  private final List<Item> defaults;

  CampaignChecklist() {
    try (InputStream in = getClass().getResourceAsStream("/campaign/default-checklist.yaml")) {
      defaults = List.copyOf(new ObjectMapper(new YAMLFactory()).readValue(in, File.class).items());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Item> defaults() {
    return defaults;
  }

  /** The campaign's items; the office's own ones get the codes X01, X02, ... */
  public List<Item> compose(Collection<String> excludedCodes, String additionalLines) {
    List<Item> items = new ArrayList<>();
    defaults.stream().filter(item -> !excludedCodes.contains(item.code())).forEach(items::add);
    int added = 0;
    for (String line : additionalLines == null ? new String[0] : additionalLines.split("\\R")) {
      if (!line.isBlank()) {
        items.add(new Item(String.format("X%02d", ++added), line.strip()));
      }
    }
    return items;
  }
}
