package cn.gov.county.campaign.evidence;

import org.springframework.http.HttpStatus;

/** An upload refused, with the HTTP status and one Chinese sentence naming the file or the task. */
class EvidenceRefusedException extends RuntimeException {

  final HttpStatus status;

  EvidenceRefusedException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }
}
