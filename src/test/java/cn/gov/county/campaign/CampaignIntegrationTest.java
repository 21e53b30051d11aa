package cn.gov.county.campaign;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real application on a random port with the {@code test} profile (in-memory H2, job
 * executor off). Every test class that uses it shares one Spring context, and owns its data: it
 * starts on the database as the application started, whatever earlier classes did
 * ({@link DatabaseBaseline}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CampaignApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(DatabaseBaseline.class)
// metrics are exported as in production (Spring's tests switch them off): the operators' endpoint is tested
@AutoConfigureObservability(tracing = false)
public @interface CampaignIntegrationTest {
}
