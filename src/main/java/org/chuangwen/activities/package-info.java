/**
 * Activities recorded once, as they happen — plan, notice, sign-up, check-in, record and photos, summary, briefing,
 * media — each stage filing its material into the box of every indicator the activity serves; the festival calendar
 * (我们的节日); plans a street issues to its communities; and the 进社区 coverage of Ⅲ-117.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Activities")
package org.chuangwen.activities;
