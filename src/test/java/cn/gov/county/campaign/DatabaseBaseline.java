package cn.gov.county.campaign;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every test of the shared test application ({@link CampaignIntegrationTest}) owns its data: it
 * starts on the database the application had just after it started (the demo organization, the
 * deployed models, the demo filters), plus what its class's {@code @BeforeAll} methods made, and on
 * the real clock, whatever the tests before it did.
 *
 * <p>The first time, the tables' rows are copied into a schema of their own ({@value #SCHEMA}); a
 * class with {@code @BeforeAll} methods copies them again after those ran ({@value #CLASS_SCHEMA}).
 * Before each class and each test every table is emptied and filled again from its copy, with
 * foreign keys unchecked while that happens (H2: referential integrity off; PostgreSQL: the
 * session's replication role). Identity columns and sequences are not rewound, so an id handed out
 * once is never handed out again; the engine's ids are UUIDs, and its caches hold only
 * deployments, which the copies keep.
 */
final class DatabaseBaseline implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final String SCHEMA = "test_baseline";
  static final String CLASS_SCHEMA = "test_class_baseline";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseBaseline.class);

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    ClockUtil.reset();
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    ExtensionContext.Store shared = context.getRoot().getStore(NAMESPACE);
    Snapshot started = shared.get(application, Snapshot.class);
    Restores restores = new Restores();
    if (started == null) {
      started = Snapshot.take(application.getBean(DataSource.class), SCHEMA);
      shared.put(application, started);
    } else {
      restores.time(started);
    }
    boolean classFixtures = !AnnotationSupport
        .findAnnotatedMethods(context.getRequiredTestClass(), BeforeAll.class, HierarchyTraversalMode.TOP_DOWN)
        .isEmpty();
    ExtensionContext.Store ofClass = context.getStore(NAMESPACE);
    ofClass.put(Restores.class, restores);
    if (!classFixtures) {
      ofClass.put(Snapshot.class, started);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    ClockUtil.reset();
    ExtensionContext.Store ofClass = context.getParent().orElseThrow().getStore(NAMESPACE);
    Restores restores = ofClass.get(Restores.class, Restores.class);
    Snapshot baseline = ofClass.get(Snapshot.class, Snapshot.class);
    if (baseline == null) {
      DataSource dataSource = SpringExtension.getApplicationContext(context).getBean(DataSource.class);
      ofClass.put(Snapshot.class, Snapshot.take(dataSource, CLASS_SCHEMA));
    } else if (restores.testsStarted++ > 0) {
      restores.time(baseline);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Restores restores = context.getStore(NAMESPACE).get(Restores.class, Restores.class);
    System.out.printf("Database baseline: %s restored %d times in %d ms%n", context.getDisplayName(), restores.count,
        restores.nanos / 1_000_000);
  }

  /** How often and how long the class's database was restored (printed for the record). */
  private static final class Restores {
    int testsStarted;
    int count;
    long nanos;

    void time(Snapshot snapshot) throws SQLException {
      long start = System.nanoTime();
      snapshot.restore();
      nanos += System.nanoTime() - start;
      count++;
    }
  }

  /** The copied tables of one application's database. */
  record Snapshot(DataSource dataSource, String schema, boolean postgres, List<String> tables) {

    static Snapshot take(DataSource dataSource, String schema) throws SQLException {
      try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        List<String> tables = tables(connection, postgres ? "public" : "PUBLIC");
        sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        sql.execute("CREATE SCHEMA " + schema);
        for (String table : tables) {
          sql.execute("CREATE TABLE " + schema + "." + table + " AS SELECT * FROM " + table);
        }
        return new Snapshot(dataSource, schema, postgres, tables);
      }
    }

    void restore() throws SQLException {
      try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        sql.execute(postgres ? "SET session_replication_role = replica" : "SET REFERENTIAL_INTEGRITY FALSE");
        try {
          for (String table : tables) {
            sql.execute("DELETE FROM " + table);
            sql.execute("INSERT INTO " + table + " SELECT * FROM " + schema + "." + table);
          }
          connection.commit();
        } catch (SQLException e) {
          connection.rollback();
          throw e;
        } finally {
          sql.execute(postgres ? "SET session_replication_role = DEFAULT" : "SET REFERENTIAL_INTEGRITY TRUE");
          connection.commit();
          connection.setAutoCommit(autoCommit);
        }
      }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
      List<String> tables = new ArrayList<>();
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rows = meta.getTables(null, schema, "%", new String[]{"TABLE"})) {
        while (rows.next()) {
          tables.add('"' + rows.getString("TABLE_NAME") + '"');
        }
      }
      return tables;
    }
  }
}
