package cn.gov.county.campaign.evaluation;

import static cn.gov.county.campaign.evaluation.EvaluationModel.*;

import cn.gov.county.campaign.organization.OrganizationDirectory;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prepares the decision on one leader's votes: the record's business key (the campaign code, or
 * 民主测评-year), the key to the leader's record of the year, the counts the decision compares,
 * and the same leader's record of the year before, read from history.
 */
@Component
class CalculateVoteSharesDelegate implements JavaDelegate {

  private final DemocraticEvaluations evaluations;
  private final OrganizationDirectory directory;
  private final JdbcTemplate jdbc;

  CalculateVoteSharesDelegate(DemocraticEvaluations evaluations, OrganizationDirectory directory, JdbcTemplate jdbc) {
    this.evaluations = evaluations;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String department = (String) execution.getVariable(DEPARTMENT);
    String leaderName = ((String) execution.getVariable(LEADER_NAME)).strip();
    int year = Votes.count(execution.getVariable(EVALUATION_YEAR));
    Object campaignCode = execution.getVariable(CAMPAIGN_CODE);
    execution.setProcessBusinessKey(campaignCode instanceof String code && !code.isBlank()
        ? code.strip()
        : "民主测评-" + year);
    execution.setVariable(DEPARTMENT_NAME, directory.nameOf(department));
    execution.setVariable(EVALUATION_KEY, evaluationKey(department, leaderName, year));

    Votes votes = new Votes(Votes.count(execution.getVariable(VOTES_COMPETENT)),
        Votes.count(execution.getVariable(VOTES_BASICALLY_COMPETENT)),
        Votes.count(execution.getVariable(VOTES_INCOMPETENT)));
    execution.setVariable(VOTES_TOTAL, votes.total());
    execution.setVariable(VOTES_BASIC_OR_INCOMPETENT, votes.basicOrIncompetent());
    execution.setVariable(VOTES_SUMMARY, "称职 " + votes.competent() + " 票，基本称职 " + votes.basicallyCompetent()
        + " 票，不称职 " + votes.incompetent() + " 票，共 " + votes.total() + " 票");
    execution.setVariable(BASIC_OR_INCOMPETENT_SHARE_TEXT, Votes.shareText(votes.basicOrIncompetent(), votes.total()));
    execution.setVariable(INCOMPETENT_SHARE_TEXT, Votes.shareText(votes.incompetent(), votes.total()));

    Optional<Votes> previous = evaluations.votesOf(evaluationKey(department, leaderName, year - 1));
    execution.setVariable(PREVIOUS_YEAR_RECORDED, previous.isPresent());
    execution.setVariable(PREVIOUS_VOTES_TOTAL, previous.map(Votes::total).orElse(null));
    execution.setVariable(PREVIOUS_VOTES_INCOMPETENT, previous.map(Votes::incompetent).orElse(null));
    // a unit head (一把手) also answers for the unit's year-end assessment (seed 000, item 12)
    boolean teamHead = directory.departments().stream().filter(d -> d.id().equals(department))
        .anyMatch(d -> d.head().name().equals(leaderName));
    execution.setVariable("isTeamHead", teamHead);
    execution.setVariable("unitGrade", unitGrade(department, year));
    execution.setVariable("previousUnitGrade", unitGrade(department, year - 1));
    execution.setVariable(PREVIOUS_YEAR_TEXT, previous
        .map(p -> (year - 1) + " 年度不称职 " + Votes.shareText(p.incompetent(), p.total()))
        .orElse((year - 1) + " 年度无民主测评记录"));
  }

  /** The unit's published year-end assessment grade of the year ({@code campaign_annual_assessment}), or null. */
  private String unitGrade(String department, int year) {
    return jdbc
        .queryForList("SELECT grade FROM campaign_annual_assessment WHERE assessment_year = ? AND department = ?",
            String.class, year, department)
        .stream().findFirst().orElse(null);
  }
}
