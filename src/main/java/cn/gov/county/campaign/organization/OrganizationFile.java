package cn.gov.county.campaign.organization;

import cn.gov.county.campaign.system.CampaignProperties;
import cn.gov.county.campaign.system.Groups;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Reads and checks the organization file named by {@code campaign.organization-file}. */
@Configuration(proxyBeanMethods = false)
class OrganizationFile {

  static final List<String> REQUIRED_BODIES = Groups.WORKING_BODIES;

  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9-]+");

  @Bean
  Organization organization(CampaignProperties properties) {
    return read(properties.organizationFile());
  }

  static Organization read(Resource file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = file.getInputStream()) {
      Organization organization = yaml.readValue(in, Organization.class);
      check(organization, file.getDescription());
      return organization;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the organization file " + file.getDescription(), e);
    }
  }

  private static void check(Organization organization, String source) {
    Set<String> groupIds = new HashSet<>();
    Set<String> userIds = new HashSet<>();
    for (Organization.Body body : organization.bodies()) {
      requireId(body.id(), source);
      if (!groupIds.add(body.id())) {
        throw new IllegalStateException(source + ": group id '" + body.id() + "' appears twice");
      }
    }
    for (String required : REQUIRED_BODIES) {
      if (!groupIds.contains(required)) {
        throw new IllegalStateException(source + ": the body '" + required + "' is missing");
      }
    }
    for (Organization.Department department : organization.departments()) {
      requireId(department.id(), source);
      if (!department.id().startsWith(Groups.DEPARTMENT_PREFIX)) {
        throw new IllegalStateException(source + ": department id '" + department.id()
            + "' must start with '" + Groups.DEPARTMENT_PREFIX + "'");
      }
      if (!groupIds.add(department.id())) {
        throw new IllegalStateException(source + ": group id '" + department.id() + "' appears twice");
      }
      if (department.name() == null || department.category() == null
          || department.head() == null || department.liaison() == null) {
        throw new IllegalStateException(source + ": department '" + department.id()
            + "' needs name, category, head and liaison");
      }
    }
    organization.people().forEach(person -> {
      requireId(person.id(), source);
      if (!userIds.add(person.id())) {
        throw new IllegalStateException(source + ": person id '" + person.id() + "' appears twice");
      }
    });
  }

  private static void requireId(String id, String source) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalStateException(source + ": invalid id '" + id + "' (letters, digits and '-' only)");
    }
  }
}
