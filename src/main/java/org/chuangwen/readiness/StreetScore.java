package org.chuangwen.readiness;

import org.chuangwen.orgs.OrgUnit;

/** A street's place among the streets of a district (or city): the mean score of its communities. */
record StreetScore(OrgUnit street, int rank, double score, String grade, int communities) {}
