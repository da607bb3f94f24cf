/**
 * Elections (换届选举) and joint meetings (物业联席会议) of a community, for Ⅲ-17: a term with its date and kind, the
 * electorate taken from the residents ledger on the day the term is entered (adults on election day, living in the
 * community) and changed by hand only with a reason, the voters who voted (ticked or matched from the polling list by
 * the keyed hash of their 身份证号), 参选率 and 直选率 against their targets (offered to the targets module as the
 * {@code voter-turnout} measure), the election's materials filed into Ⅲ-17's box, and the joint meetings with their
 * attendees, topics and minutes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Elections")
package org.chuangwen.elections;
