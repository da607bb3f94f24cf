/**
 * Surveys (问卷): questionnaires on awareness and satisfaction (家庭美德, 道德模范, 普法 …) built by a community or street,
 * answered by residents on their phones through a link or QR code, or entered door to door (入户) by an interviewer; one
 * response per phone. Results are rates with 95% Wilson intervals, the evaluation's grades and a sample-size planner;
 * the awareness targets of the catalog are measured from the latest survey of each community.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.chuangwen.surveys;
