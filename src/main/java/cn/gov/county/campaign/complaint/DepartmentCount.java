package cn.gov.county.campaign.complaint;

/**
 * A department's place among the departments with substantiated complaints in a campaign.
 *
 * @param place         1 for the most substantiated complaints; departments with equal counts share
 *                      a place and the next place is skipped (1, 1, 3)
 * @param complaints    complaints registered against the department (pending and unsubstantiated included)
 * @param substantiated complaints verified as 属实
 * @param rectified     of those, how many became problems that are closed (问题已销号)
 */
public record DepartmentCount(int place, String department, String departmentName, String unitCategory,
    long complaints, long substantiated, long rectified) {
}
