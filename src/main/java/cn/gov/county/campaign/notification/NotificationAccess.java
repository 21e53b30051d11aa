package cn.gov.county.campaign.notification;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.gov.county.campaign.system.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The office may retry failed mail deliveries (Cockpit's "retry" on the incident, or
 * {@code PUT /engine-rest/job/{id}/retries}) once the mail server is back; it reads them already.
 * Applied at every start; changes nothing when the grant exists.
 */
@Component
class NotificationAccess implements SmartInitializingSingleton {

  private final AuthorizationService authorizationService;

  NotificationAccess(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Authorization grant = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(Groups.OFFICE)
        .resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(NotificationModel.DELIVERY_PROCESS)
        .list().stream().findFirst().orElse(null);
    if (grant != null && grant.isPermissionGranted(ProcessDefinitionPermissions.RETRY_JOB)) {
      return;
    }
    if (grant == null) {
      grant = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(Groups.OFFICE);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(NotificationModel.DELIVERY_PROCESS);
    }
    grant.addPermission(ProcessDefinitionPermissions.RETRY_JOB);
    authorizationService.saveAuthorization(grant);
  }
}
