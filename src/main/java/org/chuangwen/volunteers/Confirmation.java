package org.chuangwen.volunteers;

/** An activity's records confirmed in one step: how many were confirmed, and how many wait for their hours (no check-out). */
record Confirmation(int confirmed, int withoutHours) {}
