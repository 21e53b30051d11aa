package cn.gov.county.campaign.benchmark;

import java.util.List;

/** One application under the benchmark: what each measure does to it, in its own terms. */
interface Subject {

  /** A department's task, found and claimed by the department's user. */
  record ClaimedTask(String id, String user) {
  }

  /** The deadline storm: seconds from the common due instant until done, and what was counted. */
  record Storm(double seconds, int done, int duplicates, String note) {
  }

  /** Waits until the job executor has nothing due (all mail sent, every fan-out done). */
  void awaitIdle();

  /** Launches one campaign for every department; answers its business key once every department's first task exists. */
  String launch(String name);

  /** One first page of a department user's inbox as Tasklist asks for it. */
  Http.Reply inboxPage();

  /** Department {@code n}'s first task of the launch {@code businessKey}, claimed by its user. */
  ClaimedTask claim(String businessKey, int n);

  /** Submits the claimed task's form through REST. */
  Http.Reply submit(ClaimedTask task);

  /** {@code size} department tasks of these launches pass their due date at once. */
  Storm storm(List<String> businessKeys, int size) throws Exception;

  static String department(int n) {
    return "dept-bench-" + n;
  }

  static String liaison(int n) {
    return "bench-" + n + "-liaison";
  }
}
