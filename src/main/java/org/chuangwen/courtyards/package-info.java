/**
 * 文明楼院 (civilized buildings): the five standards of the community's scheme as a checklist kept as data, inspections
 * of a building made on a phone (each item met or not, with a note and photos filed as one 图片 material of Ⅲ-117), a
 * score out of 100 with partial credit per item, the building's 楼长 and 卫生管理人员 chosen from the residents, the
 * yearly 文明楼院 award and its revocation, and the buildings × standards matrix of a community. Inspections,
 * assignments and awards are kept as history, never overwritten.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courtyards")
package org.chuangwen.courtyards;
