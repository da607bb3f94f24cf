package org.chuangwen.volunteers;

/** A 志愿服务队 of one unit; its 章程 and organization chart are materials of the evidence archive. */
record Team(long id, long orgUnitId, String name, String serviceArea, String skills, Long charterMaterialId, Long chartMaterialId,
		int members) {}
