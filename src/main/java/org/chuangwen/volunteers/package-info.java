/**
 * Volunteers, their teams and service records by 民政部令第67号: registered once, credited with hours as a by-product of
 * activities (from {@code activities.ActivityHeld}), and certified with a verifiable 志愿服务记录证明.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteers")
package org.chuangwen.volunteers;
