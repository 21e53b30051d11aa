package cn.gov.county.campaign.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Model expressions ({@code ${deadlines.…}}, {@code ${registerResearchFindingDelegate}}) see only
 * the Spring beans the shipped models in {@code processes/} name, not the whole application
 * context: a model deployed later cannot reach {@code jdbcTemplate}, {@code dataSource} or any
 * other bean and run SQL or change settings. The names are read from the model files at start-up
 * (every identifier inside {@code ${…}} or {@code #{…}} that is a bean name); a bean is created
 * only when an expression first asks for it.
 */
@Component
class ModelExpressionBeans extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelExpressionBeans.class);
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'\"])([A-Za-z_][A-Za-z0-9_]*)");

  private final ApplicationContext context;

  ModelExpressionBeans(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Set<String> names = namesInModels().stream().filter(context::containsBean)
        .collect(Collectors.toCollection(TreeSet::new));
    Beans beans = new Beans(context, names);
    configuration.setBeans(beans);
    configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    LOG.info("Model expressions may use these beans: {}", names);
  }

  /** Every identifier in an expression of a model in processes/ (variables too; only bean names count). */
  static Set<String> namesInModels() {
    Set<String> names = new TreeSet<>();
    try {
      for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*")) {
        String file = model.getFilename();
        if (file == null || !(file.endsWith(".bpmn") || file.endsWith(".dmn"))) {
          continue;
        }
        try (InputStream in = model.getInputStream()) {
          Matcher expression = EXPRESSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1));
            while (identifier.find()) {
              names.add(identifier.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the models in processes/", e);
    }
    return names;
  }

  /** The allowed beans, looked up in the context when first used. */
  static final class Beans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;
    private final Set<String> names;

    Beans(ApplicationContext context, Set<String> names) {
      this.context = context;
      this.names = Set.copyOf(names);
    }

    @Override
    public boolean containsKey(Object key) {
      return names.contains(key);
    }

    @Override
    public Object get(Object key) {
      return names.contains(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return names.stream()
          .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
          .collect(Collectors.toSet());
    }
  }
}
