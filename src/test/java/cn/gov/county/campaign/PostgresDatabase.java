package cn.gov.county.campaign;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of its own for one test on this machine's server (127.0.0.1:5432, trust
 * auth, user postgres; `mvn verify` starts it, see src/test/setup/postgresql-database.sh): named
 * after the run's database ({@code campaign.test.database}) with a suffix, created fresh, dropped
 * on close.
 */
public final class PostgresDatabase implements AutoCloseable {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  public static PostgresDatabase create(String suffix) {
    String run = System.getProperty("campaign.test.database", "campaign_test_" + System.currentTimeMillis());
    PostgresDatabase database = new PostgresDatabase(run + "_" + suffix);
    database.execute("DROP DATABASE IF EXISTS \"" + database.name + "\" WITH (FORCE)");
    database.execute("CREATE DATABASE \"" + database.name + "\"");
    return database;
  }

  public String url() {
    return SERVER + name;
  }

  public String name() {
    return name;
  }

  /** Connection properties for an application on this database. */
  public String[] springArguments() {
    return new String[]{"--spring.datasource.url=" + url(), "--spring.datasource.username=postgres",
        "--spring.datasource.password="};
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "");
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432: " + sql, e);
    }
  }
}
