package cn.gov.county.campaign.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One leader's democratic evaluation (民主测评) in one year, as history holds it: one
 * DemocraticEvaluationProcess instance and its variables.
 *
 * @param processInstanceId             the record's process instance
 * @param campaignCode                  the campaign it was entered for, or null
 * @param department                    the leader's unit (group id, {@code dept-…})
 * @param departmentName                the unit's name
 * @param leaderName                    the leader evaluated
 * @param leaderPost                    the leader's post
 * @param evaluationYear                the year of the evaluation
 * @param votesCompetent                称职 votes
 * @param votesBasicallyCompetent       基本称职 votes
 * @param votesIncompetent              不称职 votes
 * @param votesTotal                    all votes
 * @param basicOrIncompetentShare       基本称职 + 不称职 in percent of all votes (two decimals, for reading)
 * @param incompetentShare              不称职 in percent of all votes (two decimals, for reading)
 * @param previousYearIncompetentShare  不称职 in percent in the year before, null when there was no record
 * @param flagged                       whether seed 000's thresholds were reached (null while undecided)
 * @param flagReason                    which threshold, in Chinese ("未触发处理条件" when none)
 * @param status                        未触发处理条件, 待组织部研判 or 已研判
 * @param handlingDecision              the organization department's decision (form value), null before
 * @param handlingDecisionLabel         the decision in Chinese (谈话提醒, 诫勉谈话, 组织调整, 不作组织处理)
 * @param handlingOpinion               the organization department's reasons
 * @param decidedBy                     user id of who decided, null before
 * @param decidedAt                     when, null before
 * @param recordedBy                    user id of who entered the votes
 * @param recordedAt                    when
 */
public record EvaluationRecord(String processInstanceId, String campaignCode, String department,
    String departmentName, String leaderName, String leaderPost, int evaluationYear, int votesCompetent,
    int votesBasicallyCompetent, int votesIncompetent, int votesTotal, BigDecimal basicOrIncompetentShare,
    BigDecimal incompetentShare, BigDecimal previousYearIncompetentShare, Boolean flagged, String flagReason,
    String status, String handlingDecision, String handlingDecisionLabel, String handlingOpinion,
    String decidedBy, Instant decidedAt, String recordedBy, Instant recordedAt) {

  public static final String STATUS_NOT_FLAGGED = "未触发处理条件";
  public static final String STATUS_WAITING = "待组织部研判";
  public static final String STATUS_DECIDED = "已研判";
}
