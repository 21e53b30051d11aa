package cn.gov.county.campaign.evidence;

import cn.gov.county.campaign.system.CampaignApiAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload beyond Spring's multipart limits ({@code spring.servlet.multipart.*}) is refused before
 * any controller runs, so no controller advice of a package applies: this one answers it in
 * Chinese (413) for the application's API instead of an English error page. Evidence files below
 * that limit but above {@code campaign.evidence.max-file-size} reach the controller and are refused
 * by name.
 */
@RestControllerAdvice
class UploadLimitAdvice {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
      throws MaxUploadSizeExceededException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/campaign/")) {
      throw e;
    }
    return CampaignApiAuthentication.answer(HttpStatus.PAYLOAD_TOO_LARGE,
        "上传的文件太大，未上传。佐证材料每个文件不能超过规定的大小，请压缩图片或拆分文件后重新上传。");
  }
}
